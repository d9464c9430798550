namespace Kencana.Warehouse.Errors;

/// <summary>
/// Every error code a client can meet, in one list: GraphQL answers carry them in <c>extensions.code</c>, and the
/// README lists them. A code names the kind of mistake; the message says what and where, and how to fix it.
/// </summary>
public static class ErrorCodes
{
    // The caller's input.

    /// <summary>An argument's value is not acceptable (out of range, contradictory, missing a companion).</summary>
    public const string BadUserInput = "BAD_USER_INPUT";

    /// <summary>A region code is not written as a Kemendagri code.</summary>
    public const string InvalidRegionCode = "INVALID_REGION_CODE";

    /// <summary>No region has the code.</summary>
    public const string UnknownRegion = "UNKNOWN_REGION";

    /// <summary>No indicator has the code.</summary>
    public const string UnknownIndicator = "UNKNOWN_INDICATOR";

    /// <summary>A page or list asks for more items than allowed.</summary>
    public const string PageSizeExceeded = "PAGE_SIZE_EXCEEDED";

    /// <summary>A paging cursor was not issued by this server.</summary>
    public const string InvalidCursor = "INVALID_CURSOR";

    /// <summary>The data needed for the answer is not in the warehouse.</summary>
    public const string NoData = "NO_DATA";

    // The request as a whole.

    /// <summary>The body or query string is not a GraphQL request.</summary>
    public const string InvalidRequest = "INVALID_REQUEST";

    /// <summary>The 'variables' are not a JSON object.</summary>
    public const string InvalidVariables = "INVALID_VARIABLES";

    /// <summary>The request body is over GraphQL:MaxRequestBytes.</summary>
    public const string RequestTooLarge = "REQUEST_TOO_LARGE";

    /// <summary>A POST without a JSON body.</summary>
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";

    /// <summary>A mutation over GET.</summary>
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";

    /// <summary>More operations in one batch than GraphQL:MaxBatchSize.</summary>
    public const string BatchTooLarge = "BATCH_TOO_LARGE";

    /// <summary>The document holds more fields than GraphQL:MaxFields, or one field too many times in one place.</summary>
    public const string QueryTooLarge = "QUERY_TOO_LARGE";

    /// <summary>The query nests deeper than GraphQL:MaxDepth.</summary>
    public const string QueryTooDeep = "QUERY_TOO_DEEP";

    /// <summary>The query's complexity is over GraphQL:MaxComplexity.</summary>
    public const string QueryTooComplex = "QUERY_TOO_COMPLEX";

    /// <summary>An introspection query nests more lists than any client needs.</summary>
    public const string IntrospectionTooDeep = "INTROSPECTION_TOO_DEEP";

    /// <summary>The request ran longer than GraphQL:TimeoutSeconds.</summary>
    public const string Timeout = "TIMEOUT";

    /// <summary>The persisted-document store is full (GraphQL:PersistedDocuments:MaxDocuments or MaxTotalBytes).</summary>
    public const string PersistedDocumentLimit = "PERSISTED_DOCUMENT_LIMIT";

    /// <summary>The request carries no credentials, or credentials the server refused (unknown, revoked, expired, forged), where it needs them.</summary>
    public const string Unauthenticated = "UNAUTHENTICATED";

    /// <summary>The caller's role does not allow this, or the region is outside a planner's scope; the message names which.</summary>
    public const string Forbidden = "FORBIDDEN";

    /// <summary>Too many requests from one identity or address within a minute; the answer's Retry-After says when to try again.</summary>
    public const string RateLimited = "RATE_LIMITED";

    // The server's side.

    /// <summary>The server is shutting down; the request can be sent again once it is back.</summary>
    public const string ServerStopping = "SERVER_STOPPING";

    /// <summary>Something failed that the caller could not have caused; the answer carries an id to quote.</summary>
    public const string InternalError = "INTERNAL_SERVER_ERROR";
}
