namespace Kencana.Server.SqlApi.Session;

/// <summary>One statement of a Query message and where it starts in the message's text (for error positions).</summary>
internal sealed record SplitStatement(string Text, int Offset);

/// <summary>
/// Splits a simple Query message into its statements at the semicolons outside quotes ('', E'', ""), dollar quotes
/// ($tag$ ... $tag$) and comments (--, nested /* */), as PostgreSQL's own lexer does; statements with nothing but
/// comments and spaces are left out.
/// </summary>
internal static class StatementSplitter
{
    public static IReadOnlyList<SplitStatement> Split(string text)
    {
        var statements = new List<SplitStatement>();
        var start = 0;
        var meaningful = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == ';')
            {
                Add(statements, text, start, i, meaningful);
                start = ++i;
                meaningful = false;
                continue;
            }
            var end = SkipToken(text, i);
            if (end > i)
            {
                if (!IsComment(text, i))
                {
                    meaningful = true;
                }
                i = end;
                continue;
            }
            if (!char.IsWhiteSpace(c))
            {
                meaningful = true;
            }
            i++;
        }
        Add(statements, text, start, text.Length, meaningful);
        return statements;
    }

    private static void Add(List<SplitStatement> statements, string text, int start, int end, bool meaningful)
    {
        if (meaningful)
        {
            var piece = text[start..end];
            var leading = piece.Length - piece.TrimStart().Length;
            statements.Add(new SplitStatement(piece.Trim(), start + leading));
        }
    }

    private static bool IsComment(string text, int i) =>
        i + 1 < text.Length && ((text[i] == '-' && text[i + 1] == '-') || (text[i] == '/' && text[i + 1] == '*'));

    /// <summary>The end of the quoted string, identifier, dollar quote or comment starting at <paramref name="i"/>, or <paramref name="i"/> when none starts there.</summary>
    internal static int SkipToken(string text, int i)
    {
        var c = text[i];
        var next = i + 1 < text.Length ? text[i + 1] : '\0';
        if (c == '-' && next == '-')
        {
            var newline = text.IndexOf('\n', i);
            return newline < 0 ? text.Length : newline + 1;
        }
        if (c == '/' && next == '*')
        {
            var depth = 1;
            var j = i + 2;
            while (j < text.Length && depth > 0)
            {
                if (text[j] == '/' && j + 1 < text.Length && text[j + 1] == '*')
                {
                    depth++;
                    j += 2;
                }
                else if (text[j] == '*' && j + 1 < text.Length && text[j + 1] == '/')
                {
                    depth--;
                    j += 2;
                }
                else
                {
                    j++;
                }
            }
            return j;
        }
        if (c == '\'')
        {
            var escapes = i > 0 && (text[i - 1] is 'e' or 'E') && (i < 2 || !IsIdentifierChar(text[i - 2]));
            return SkipQuoted(text, i, '\'', escapes);
        }
        if (c == '"')
        {
            return SkipQuoted(text, i, '"', backslashEscapes: false);
        }
        if (c == '$' && (i == 0 || !IsIdentifierChar(text[i - 1])))
        {
            var close = text.IndexOf('$', i + 1);
            if (close < 0)
            {
                return i;
            }
            var tag = text[i..(close + 1)];
            if (tag.Length > 2 && (char.IsDigit(tag[1]) || !tag[1..^1].All(IsIdentifierChar)))
            {
                return i; // $1 is a parameter, not a dollar quote
            }
            var end = text.IndexOf(tag, close + 1, StringComparison.Ordinal);
            return end < 0 ? text.Length : end + tag.Length;
        }
        return i;
    }

    private static int SkipQuoted(string text, int i, char quote, bool backslashEscapes)
    {
        var j = i + 1;
        while (j < text.Length)
        {
            if (backslashEscapes && text[j] == '\\')
            {
                j += 2;
                continue;
            }
            if (text[j] == quote)
            {
                if (j + 1 < text.Length && text[j + 1] == quote)
                {
                    j += 2;
                    continue;
                }
                return j + 1;
            }
            j++;
        }
        return text.Length;
    }

    private static bool IsIdentifierChar(char c) => char.IsLetterOrDigit(c) || c == '_';
}
