using System.Security.Cryptography;
using System.Text;
using Kencana.Warehouse.Export;
using Microsoft.Net.Http.Headers;

namespace Kencana.Server.Charts;

/// <summary>
/// A chart image's entity tag, made like an export's (<c>Export/ExportETag.cs</c>): the data version and a hash of
/// the warehouse's fingerprint, the normalised request and what else decides the image (a forecast's model), so an
/// unchanged chart is revalidated with a 304 and never drawn again.
/// </summary>
/// <remarks>Weak: the same data draws the same chart, though a new ScottPlot may draw other bytes.</remarks>
internal static class ChartETag
{
    /// <summary>Raised when the server draws the same data differently, so that a cached image is not confirmed.</summary>
    private const string Revision = "1";

    public static EntityTagHeaderValue For(ExportDataStamp stamp, ChartRequest request, ChartDrawing drawing)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', Revision, stamp.Fingerprint, request.CanonicalKey, drawing.DataKey)));
        return new EntityTagHeaderValue($"\"c{stamp.Version}-{Convert.ToHexStringLower(hash, 0, 12)}\"", isWeak: true);
    }
}
