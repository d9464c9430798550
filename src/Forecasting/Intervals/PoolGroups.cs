using Kencana.Forecasting.Input;

namespace Kencana.Forecasting.Intervals;

/// <summary>The <see cref="PoolGroup"/> of a level.</summary>
internal static class PoolGroups
{
    public static PoolGroup Of(AdminLevel level) => level switch
    {
        AdminLevel.Nation or AdminLevel.Province => PoolGroup.Upper,
        AdminLevel.Regency or AdminLevel.City => PoolGroup.Local,
        _ => PoolGroup.Lower,
    };
}
