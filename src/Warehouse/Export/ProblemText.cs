using System.Globalization;
using System.Text;

namespace Kencana.Warehouse.Export;

/// <summary>
/// Request text as a problem detail repeats it back. A caller's text can be anything, a megabyte of it or bytes
/// that are not text at all; echoed as it came, it makes a detail that is unreadable, or one that breaks the channel
/// carrying it (a gRPC status travels in an HTTP/2 trailer, and a header line cannot hold a line break).
/// </summary>
internal static class ProblemText
{
    /// <summary>The most characters of one piece of request text a detail repeats.</summary>
    public const int MaxEchoed = 80;

    /// <summary>
    /// The text with control characters, invisible formatting characters (such as the right-to-left override, which
    /// would make the detail display other than it reads) and unpaired surrogates written as <c>\uXXXX</c>, a
    /// backslash as <c>\\</c>, and cut to <see cref="MaxEchoed"/> characters with its full length said.
    /// </summary>
    /// <param name="text">What the caller sent.</param>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder();
        var i = 0;
        for (; i < text.Length && i < MaxEchoed; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (c == '\\')
            {
                builder.Append(@"\\");
            }
            else if (char.IsControl(c) || char.IsSurrogate(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                builder.Append(c);
            }
        }
        if (i < text.Length)
        {
            builder.Append(CultureInfo.InvariantCulture, $"... ({text.Length} characters)");
        }
        return builder.ToString();
    }

    /// <summary>The <see cref="Escape"/>d text in single quotes, as details quote what the caller sent.</summary>
    /// <param name="text">What the caller sent.</param>
    public static string Quote(string text) => $"'{Escape(text)}'";

    /// <summary>Quoted items joined with commas, at most ten of them and then how many more there are.</summary>
    /// <param name="items">What the caller sent.</param>
    public static string QuoteList(IReadOnlyCollection<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        const int Shown = 10;
        var quoted = string.Join(", ", items.Take(Shown).Select(Quote));
        return items.Count > Shown ? $"{quoted} and {items.Count - Shown} more" : quoted;
    }
}
