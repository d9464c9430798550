using Kencana.Server.SqlApi.Session;

namespace Kencana.Server.SqlApi.Catalog;

/// <summary>One item of a select list: its words, and its alias (quoted aliases keep their case).</summary>
internal sealed record SelectItem(IReadOnlyList<string> Words, string? Alias)
{
    public bool Has(string word) => Words.Contains(word) || Alias == word;

    /// <summary>The name PostgreSQL would give the column: its alias, else the last identifier of a plain column reference.</summary>
    public string Name => Alias ?? (Words.Count > 0 && char.IsLetter(Words[^1][0]) ? Words[^1] : "?column?");
}

/// <summary>
/// A SELECT as words, split into what recognising a client's catalogue query needs: the items of the outer select
/// list, the first relation of the outer FROM and the string literals. Not a parser: it never decides what runs,
/// only which fixed-shape query a client sent.
/// </summary>
internal sealed class SelectShape
{
    private SelectShape(List<string> words, List<SelectItem> items, string? from)
    {
        Words = words;
        Items = items;
        From = from;
    }

    public IReadOnlyList<string> Words { get; }

    public IReadOnlyList<SelectItem> Items { get; }

    /// <summary>The first relation of the outer FROM without its schema (<c>pg_class</c>), or <c>(</c> for a subquery.</summary>
    public string? From { get; }

    public bool Has(string word) => Words.Contains(word);

    /// <summary>True when the words hold <paramref name="sequence"/> one after the other.</summary>
    public bool Has(params string[] sequence) => IndexOf(sequence) >= 0;

    public int IndexOf(params string[] sequence)
    {
        for (var i = 0; i + sequence.Length <= Words.Count; i++)
        {
            var j = 0;
            while (j < sequence.Length && Words[i + j] == sequence[j])
            {
                j++;
            }
            if (j == sequence.Length)
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>The items' aliases, for the headers psql gives its listings ("Schema", "Name", ...).</summary>
    public IEnumerable<string> Aliases => Items.Select(i => i.Alias).OfType<string>();

    /// <summary>The statement's shape, or null when it is not a SELECT.</summary>
    public static SelectShape? Of(string sql)
    {
        var words = SqlWords.Of(sql);
        if (words.Count > 0 && words[^1] == ";")
        {
            words.RemoveAt(words.Count - 1);
        }
        if (words.Count < 2 || words[0] != "select")
        {
            return null;
        }
        var items = new List<SelectItem>();
        var current = new List<string>();
        var depth = 0;
        var i = words[1] == "distinct" ? 2 : 1;
        string? from = null;
        for (; i < words.Count; i++)
        {
            var word = words[i];
            if (depth == 0 && (word == "," || word == "from"))
            {
                items.Add(Item(current));
                current = [];
                if (word == "from")
                {
                    from = i + 3 < words.Count && words[i + 1] == "pg_catalog" && words[i + 2] == "." ? words[i + 3] : i + 1 < words.Count ? words[i + 1] : null;
                    break;
                }
                continue;
            }
            depth += word == "(" ? 1 : word == ")" ? -1 : 0;
            current.Add(word);
        }
        if (from is null && current.Count > 0)
        {
            items.Add(Item(current));
        }
        return new SelectShape(words, items, from);
    }

    private static SelectItem Item(List<string> words) =>
        words.Count >= 3 && words[^2] == "as" ? new SelectItem([.. words.Take(words.Count - 2)], words[^1]) : new SelectItem(words, null);
}
