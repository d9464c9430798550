namespace Kencana.Server.Protection;

/// <summary>Which web origins may call the API from a browser: the <c>Cors</c> configuration section (none by default).</summary>
public sealed class KencanaCorsOptions
{
    public const string Section = "Cors";

    /// <summary>Origins such as https://dashboard.bappeda.kaltimprov.go.id; <c>*</c> for any (credentials are then not sent by browsers).</summary>
    public string[] AllowedOrigins { get; set; } = [];
}
