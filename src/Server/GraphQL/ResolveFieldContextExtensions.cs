using GraphQL;
using Kencana.Warehouse.Model;
using Kencana.Warehouse.Queries;

namespace Kencana.Server.GraphQL;

/// <summary>Argument reading and service access shared by resolvers, with errors that name the argument.</summary>
internal static class ResolveFieldContextExtensions
{
    public static T Service<T>(this IResolveFieldContext context) where T : notnull =>
        context.RequestServices!.GetRequiredService<T>();

    public static RequestLoader Loader(this IResolveFieldContext context) => context.Service<RequestLoader>();

    public static int PageSize(this IResolveFieldContext context, string name = "first")
    {
        var first = context.GetArgument(name, RegionDirectory.MaxPageSize);
        return first is >= 1 and <= RegionDirectory.MaxPageSize
            ? first
            : throw new ExecutionError($"Argument '{name}' is {first}; ask for 1 to {RegionDirectory.MaxPageSize} items at a time and page with 'offset'.") { Code = "PAGE_SIZE_EXCEEDED" };
    }

    public static int Offset(this IResolveFieldContext context)
    {
        var offset = context.GetArgument("offset", 0);
        return offset >= 0 ? offset : throw new ExecutionError($"Argument 'offset' is {offset}; it cannot be negative.") { Code = "BAD_USER_INPUT" };
    }

    public static RegionCode RegionCodeArgument(this IResolveFieldContext context, string name) =>
        RegionCode.TryParse(context.GetArgument<string>(name), out var code)
            ? code
            : throw new ExecutionError(
                RegionCode.LooksLikeBpsCode(context.GetArgument<string>(name))
                    ? $"Argument '{name}' is '{context.GetArgument<string>(name)}', which looks like a BPS code; use the Kemendagri code with dots (64.74 for Kota Bontang)."
                    : $"Argument '{name}' is '{context.GetArgument<string>(name)}', which is not a Kemendagri region code: use 0, 64, 64.74, 64.74.01 or 64.74.01.1001.")
            { Code = "INVALID_REGION_CODE" };

    public static RegionCode? OptionalRegionCodeArgument(this IResolveFieldContext context, string name) =>
        context.GetArgument<string?>(name) is null ? null : context.RegionCodeArgument(name);

    public static Region RequireRegion(this IResolveFieldContext context, string name)
    {
        var code = context.RegionCodeArgument(name);
        return context.Loader().Region(code)
            ?? throw new ExecutionError($"Argument '{name}': there is no region with code '{code}'.") { Code = "UNKNOWN_REGION" };
    }

    public static Indicator RequireIndicator(this IResolveFieldContext context, string name)
    {
        var code = context.GetArgument<string>(name);
        return context.Service<IndicatorCatalog>().Find(code)
            ?? throw new ExecutionError($"Argument '{name}': there is no indicator '{code}'. The catalogue has {string.Join(", ", context.Service<IndicatorCatalog>().GetAll().Select(i => i.Code))}.") { Code = "UNKNOWN_INDICATOR" };
    }
}
