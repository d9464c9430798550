namespace Kencana.Warehouse.Model;

/// <summary>The part of a year an observation covers: the whole year, a semester, a quarter or a month.</summary>
public enum SubPeriod
{
    /// <summary>The whole year.</summary>
    Year,
    /// <summary>January to June.</summary>
    S1,
    /// <summary>July to December.</summary>
    S2,
    /// <summary>January to March.</summary>
    Q1,
    /// <summary>April to June.</summary>
    Q2,
    /// <summary>July to September.</summary>
    Q3,
    /// <summary>October to December.</summary>
    Q4,
    /// <summary>January.</summary>
    M01,
    /// <summary>February.</summary>
    M02,
    /// <summary>March.</summary>
    M03,
    /// <summary>April.</summary>
    M04,
    /// <summary>May.</summary>
    M05,
    /// <summary>June.</summary>
    M06,
    /// <summary>July.</summary>
    M07,
    /// <summary>August.</summary>
    M08,
    /// <summary>September.</summary>
    M09,
    /// <summary>October.</summary>
    M10,
    /// <summary>November.</summary>
    M11,
    /// <summary>December.</summary>
    M12,
}

/// <summary>How finely a period divides the year.</summary>
public enum Granularity
{
    /// <summary>Whole years.</summary>
    Year,
    /// <summary>Semesters.</summary>
    Semester,
    /// <summary>Quarters.</summary>
    Quarter,
    /// <summary>Months.</summary>
    Month,
}
