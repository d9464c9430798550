using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kencana.Forecasting.Training;

/// <summary>How the archive's JSON entries are written: readable enum names, and NaN allowed, since a metric with no
/// case to score is NaN rather than zero.</summary>
internal static class ArchiveJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };
}
