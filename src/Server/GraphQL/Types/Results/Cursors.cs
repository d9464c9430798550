using System.Globalization;
using System.Text;
using GraphQL;

namespace Kencana.Server.GraphQL.Types.Results;

/// <summary>Opaque cursors over a position in an ordered result. Positions are stable for a data version: the order
/// always ends in the full key, and loads only append.</summary>
public static class Cursors
{
    private const string Prefix = "obs:";

    public static string Encode(long position) => Convert.ToBase64String(Encoding.UTF8.GetBytes(Prefix + position.ToString(CultureInfo.InvariantCulture)));

    public static long Decode(string cursor)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            if (text.StartsWith(Prefix, StringComparison.Ordinal) && long.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var position))
            {
                return position;
            }
        }
        catch (FormatException)
        {
        }
        throw new ExecutionError($"Argument 'after' is '{cursor}', which is not a cursor this API returned; pass pageInfo.endCursor from the previous page.") { Code = "INVALID_CURSOR" };
    }
}
