namespace Kencana.Server.SqlApi.Catalog;

/// <summary>A column of a snapshot relation as psql's <c>\d NAME</c> shows it (a row of pg_attribute).</summary>
/// <param name="Name">The column name.</param>
/// <param name="TypeName">Its type as format_type writes it, for the type the wire protocol serves it as.</param>
/// <param name="Fixed">True for a type of fixed length (pg_attribute.attstorage plain), false for a variable one (extended).</param>
/// <param name="NotNull">True when the engine refuses nulls in it.</param>
/// <param name="Default">Its default expression, or null.</param>
/// <param name="Description">Its comment, or null.</param>
internal sealed record CatalogColumn(string Name, string TypeName, bool Fixed, bool NotNull, string? Default, string? Description);
