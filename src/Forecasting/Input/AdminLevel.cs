namespace Kencana.Forecasting.Input;

/// <summary>The administrative level of a region, used by the pooled model as a feature.</summary>
public enum AdminLevel
{
    /// <summary>Indonesia as a whole.</summary>
    Nation,

    /// <summary>Provinsi.</summary>
    Province,

    /// <summary>Kabupaten.</summary>
    Regency,

    /// <summary>Kota.</summary>
    City,

    /// <summary>Kecamatan.</summary>
    District,

    /// <summary>Desa or kelurahan.</summary>
    Village,
}
