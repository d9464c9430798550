namespace Kencana.Forecasting.Intervals;

/// <summary>Levels whose forecast errors are pooled together. A kabupaten/kota value, read from a small survey sample,
/// errs far more than a province's; one pool for both would make the first too narrow and the second too wide.</summary>
internal enum PoolGroup
{
    /// <summary>The nation and the provinces.</summary>
    Upper,

    /// <summary>Kabupaten and kota.</summary>
    Local,

    /// <summary>Kecamatan and desa/kelurahan.</summary>
    Lower,
}
