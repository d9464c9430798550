using Kencana.Forecasting.Intervals;

namespace Kencana.Forecasting.Training;

/// <summary>The parts of a trained model that are neither metadata nor the ML.NET pipeline.</summary>
/// <param name="Calibration">The residual pools the intervals are calibrated on.</param>
/// <param name="PooledMaxHorizon">The longest horizon the pooled model learned, when there is one.</param>
/// <param name="Anchors">The parent and national series the hierarchical prior pools toward.</param>
/// <param name="SurveyChangeFactor">How much wider errors were across a change of survey in the backtest.</param>
/// <param name="Noise">The level groups' typical scatter, which a series' own is measured against.</param>
internal sealed record ModelState(
    IReadOnlyList<CalibrationEntry> Calibration, int? PooledMaxHorizon, IReadOnlyList<AnchorSeries> Anchors, double SurveyChangeFactor, IReadOnlyList<NoiseReference> Noise);
