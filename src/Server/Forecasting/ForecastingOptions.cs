namespace Kencana.Server.Forecasting;

/// <summary>Where trained models live and how often the server looks for new data; bound from <c>Forecasting</c>.</summary>
public sealed class ForecastingOptions
{
    public const string Section = "Forecasting";

    /// <summary>Trained models are saved here, one archive per indicator and data version.</summary>
    public string ModelDirectory { get; set; } = "App_Data/models";

    /// <summary>How often the background service checks the data version and retrains stale models.</summary>
    public double RefreshSeconds { get; set; } = 30;

    /// <summary>Indicators trained at start-up, so the first planner does not wait.</summary>
    public List<string> WarmIndicators { get; set; } = ["STUNTING", "UNMET_NEED"];

    /// <summary>The furthest horizon a request may ask for, in years.</summary>
    public int MaxHorizon { get; set; } = 15;
}
