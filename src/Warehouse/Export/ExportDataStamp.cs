namespace Kencana.Warehouse.Export;

/// <summary>What an export's data is as of: the newest data version, and a fingerprint that also changes when the
/// warehouse is rebuilt (whose versions start again at 1).</summary>
/// <param name="Version">The newest data version; 0 for a warehouse without any.</param>
/// <param name="Fingerprint">The version, its load time and file hash, and the warehouse's creation time, as one string.</param>
public sealed record ExportDataStamp(int Version, string Fingerprint);
