using System.Globalization;
using System.Text.Json;

namespace Kencana.Server.Localization;

/// <summary>
/// The planner's texts in Indonesian and English, kept in one file (<c>Localization/Texts.json</c>) for the page, the
/// chart images and the problems a planner meets, so that a translator edits one place and every key has both
/// languages (checked when the texts load).
/// </summary>
public sealed class PlannerTexts
{
    private const string Resource = "Kencana.Server.Localization.Texts.json";
    private readonly Dictionary<string, string> _indonesian;
    private readonly Dictionary<string, string> _english;

    /// <summary>Reads the texts shipped inside the server.</summary>
    public PlannerTexts()
        : this(ReadResource())
    {
    }

    /// <summary>Reads texts from JSON of the form <c>{"key": {"id": "...", "en": "..."}}</c>.</summary>
    /// <exception cref="InvalidDataException">A key lacks one of the languages.</exception>
    public PlannerTexts(string json)
    {
        var texts = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(json)
            ?? throw new InvalidDataException("The planner texts are empty.");
        _indonesian = new(StringComparer.Ordinal);
        _english = new(StringComparer.Ordinal);
        foreach (var (key, byLanguage) in texts)
        {
            if (!byLanguage.TryGetValue("id", out var indonesian) || !byLanguage.TryGetValue("en", out var english)
                || string.IsNullOrWhiteSpace(indonesian) || string.IsNullOrWhiteSpace(english))
            {
                throw new InvalidDataException($"The planner text '{key}' needs both an Indonesian (id) and an English (en) text.");
            }
            _indonesian[key] = indonesian;
            _english[key] = english;
        }
    }

    /// <summary>Every text of a language by key, for the page.</summary>
    public IReadOnlyDictionary<string, string> All(Language language) => language == Language.English ? _english : _indonesian;

    /// <summary>The text for a key with <c>{0}</c>-style placeholders filled.</summary>
    /// <exception cref="KeyNotFoundException">No text has the key: a programming error, not a user's.</exception>
    public string Get(string key, Language language, params object?[] arguments)
    {
        var text = All(language).TryGetValue(key, out var found) ? found : throw new KeyNotFoundException($"No planner text '{key}'.");
        return arguments.Length == 0 ? text : string.Format(CultureInfo.InvariantCulture, text, arguments);
    }

    /// <summary>The text for a key, or null when there is none (a warning kind added to the forecasts after the texts).</summary>
    public string? Find(string key, Language language) => All(language).GetValueOrDefault(key);

    private static string ReadResource()
    {
        using var stream = typeof(PlannerTexts).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The server was built without its texts ({Resource}).");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
