using GraphQL.Types;
using Kencana.Warehouse.Model;

namespace Kencana.Server.GraphQL.Types;

public sealed class RegionLevelGraphType : EnumerationGraphType<RegionLevel>
{
    public RegionLevelGraphType()
    {
        Name = "RegionLevel";
        Description = "Administrative level / tingkat wilayah: NATION (nasional), PROVINCE (provinsi), REGENCY (kabupaten), CITY (kota), DISTRICT (kecamatan), VILLAGE (desa/kelurahan).";
    }
}
