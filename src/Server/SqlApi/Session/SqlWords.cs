using System.Text;

namespace Kencana.Server.SqlApi.Session;

/// <summary>
/// A statement as a list of words for recognising its shape: keywords and plain identifiers in lower case, quoted
/// identifiers and string literals as their values (strings keep their quotes), punctuation one character each,
/// comments dropped.
/// </summary>
internal static class SqlWords
{
    public static List<string> Of(string sql)
    {
        var words = new List<string>();
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            var end = StatementSplitter.SkipToken(sql, i);
            if (end > i)
            {
                var token = sql[i..end];
                if (c == '\'')
                {
                    words.Add("'" + token[1..^1].Replace("''", "'", StringComparison.Ordinal) + "'");
                }
                else if (c == '"')
                {
                    words.Add(token[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal));
                }
                else if (c == '$')
                {
                    var close = token.IndexOf('$', 1);
                    words.Add("'" + token[(close + 1)..^(close + 1)] + "'");
                }
                i = end;
                continue;
            }
            if ((c is 'e' or 'E') && i + 1 < sql.Length && sql[i + 1] == '\'')
            {
                i++; // E'...': the string follows
                continue;
            }
            if (char.IsLetterOrDigit(c) || c == '_' || (c == '-' && i + 1 < sql.Length && char.IsDigit(sql[i + 1])) || (c == '.' && i + 1 < sql.Length && char.IsDigit(sql[i + 1])))
            {
                var word = new StringBuilder().Append(c);
                i++;
                while (i < sql.Length && (char.IsLetterOrDigit(sql[i]) || sql[i] is '_' or '$' || (sql[i] == '.' && char.IsDigit(word[^1]))))
                {
                    word.Append(sql[i++]);
                }
                words.Add(word.ToString().ToLowerInvariant());
                continue;
            }
            words.Add(c.ToString());
            i++;
        }
        return words;
    }

    /// <summary>The value of a string literal word ('...'), or the word itself.</summary>
    public static string Unquote(string word) =>
        word.Length >= 2 && word[0] == '\'' && word[^1] == '\'' ? word[1..^1] : word;

    public static bool IsString(string word) => word.Length >= 2 && word[0] == '\'' && word[^1] == '\'';
}
