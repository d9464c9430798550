using System.Security.Cryptography;
using System.Text;
using Kencana.Warehouse.Export;
using Microsoft.Net.Http.Headers;

namespace Kencana.Server.Export;

/// <summary>
/// The entity tag of an export: the data version and a hash of the warehouse's fingerprint and the normalised
/// request (dataset, format, dialect, filters), so it changes exactly when the answer can.
/// </summary>
/// <remarks>Weak, because equal data gives equal rows but not promised equal bytes (Parquet writer versions, batch
/// boundaries); weak comparison is what If-None-Match uses anyway.</remarks>
internal static class ExportETag
{
    /// <summary>
    /// Raised when the server writes the same data differently, so that a copy cached from an older server is not
    /// confirmed as current. 2: the excel-id CSV writes region codes as Excel text formulas.
    /// </summary>
    private const string Revision = "2";

    /// <param name="stamp">The data version and the warehouse's fingerprint.</param>
    /// <param name="request">The normalised request.</param>
    /// <param name="rowsRevision">What else decides the rows (a computed dataset's models); empty for the others, whose tags it leaves as they were.</param>
    public static EntityTagHeaderValue For(ExportDataStamp stamp, ExportRequest request, string rowsRevision = "")
    {
        var text = Revision + "\n" + stamp.Fingerprint + "\n" + request.CanonicalKey + (rowsRevision.Length > 0 ? "\n" + rowsRevision : "");
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return new EntityTagHeaderValue($"\"v{stamp.Version}-{Convert.ToHexStringLower(hash, 0, 12)}\"", isWeak: true);
    }

    /// <summary>True when the request's If-None-Match names the tag (or is <c>*</c>).</summary>
    public static bool IsMatchedBy(this EntityTagHeaderValue tag, HttpRequest request) =>
        request.GetTypedHeaders().IfNoneMatch.Any(candidate => candidate.Equals(EntityTagHeaderValue.Any) || candidate.Compare(tag, useStrongComparison: false));
}
