using System.Globalization;
using System.Text;

namespace Kencana.Server.Flight;

/// <summary>
/// Text made fit for gRPC metadata: a status detail and trailers travel as HTTP/2 header values, which Kestrel
/// refuses outside printable ASCII, failing the call with Unknown instead of the status meant for the client.
/// </summary>
internal static class GrpcStatusText
{
    /// <summary>
    /// A bound on what goes into one header value: clients refuse response headers past a limit of their own
    /// (64 KiB in .NET's HttpClient) and then report a transport error in place of the status.
    /// </summary>
    private const int MaxLength = 4096;

    /// <summary>The text with every character outside printable ASCII written as <c>\uXXXX</c>, cut to <see cref="MaxLength"/>.</summary>
    public static string ToAscii(string text)
    {
        if (text.Length <= MaxLength && text.All(c => c is >= ' ' and <= '~'))
        {
            return text;
        }
        var builder = new StringBuilder(Math.Min(text.Length, MaxLength));
        foreach (var c in text)
        {
            if (builder.Length >= MaxLength)
            {
                builder.Append("...");
                break;
            }
            if (c is >= ' ' and <= '~')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
        }
        return builder.ToString();
    }
}
