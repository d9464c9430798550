using GraphQL;
using Kencana.Server.GraphQL.Loading;
using Kencana.Warehouse.Errors;
using Kencana.Warehouse.Model;

namespace Kencana.Server.GraphQL;

/// <summary>Argument reading and service access shared by resolvers, with errors that name the argument.</summary>
internal static class ResolveFieldContextExtensions
{
    public static T Service<T>(this IResolveFieldContext context) where T : notnull =>
        context.RequestServices!.GetRequiredService<T>();

    public static RequestLoader Loader(this IResolveFieldContext context) => context.Service<RequestLoader>();

    public static int PageSize(this IResolveFieldContext context, int max, string name = "first")
    {
        var first = context.GetArgument(name, max);
        return first >= 1 && first <= max
            ? first
            : throw new UserInputException(ErrorCodes.PageSizeExceeded, $"Argument '{name}' is {first}; ask for 1 to {max} items at a time and page on.", name);
    }

    public static int Offset(this IResolveFieldContext context)
    {
        var offset = context.GetArgument("offset", 0);
        return offset >= 0 ? offset : throw new UserInputException(ErrorCodes.BadUserInput, $"Argument 'offset' is {offset}; it cannot be negative.", "offset");
    }

    public static RegionCode RegionCodeArgument(this IResolveFieldContext context, string name) =>
        ParseRegionCode(context.GetArgument<string>(name), $"Argument '{name}'", name);

    public static RegionCode? OptionalRegionCodeArgument(this IResolveFieldContext context, string name) =>
        context.GetArgument<string?>(name) is null ? null : context.RegionCodeArgument(name);

    public static RegionCode ParseRegionCode(string? text, string where, string? argument = null) =>
        RegionCode.TryParse(text, out var code)
            ? code
            : throw new UserInputException(
                ErrorCodes.InvalidRegionCode,
                RegionCode.LooksLikeBpsCode(text)
                    ? $"{where} is '{text}', which looks like a BPS code; use the Kemendagri code with dots (64.74 for Kota Bontang)."
                    : $"{where} is '{text}', which is not a Kemendagri region code: use 0, 64, 64.74, 64.74.01 or 64.74.01.1001.",
                argument ?? where);

    public static Region RequireRegion(this IResolveFieldContext context, string name)
    {
        var code = context.RegionCodeArgument(name);
        return context.Loader().Catalog.Regions.GetValueOrDefault(code)
            ?? throw new UserInputException(ErrorCodes.UnknownRegion, $"Argument '{name}': there is no region with code '{code}'.", name);
    }

    public static Indicator RequireIndicator(this IResolveFieldContext context, string name) =>
        context.RequireIndicatorCode(context.GetArgument<string>(name), $"Argument '{name}'", name);

    public static Indicator RequireIndicatorCode(this IResolveFieldContext context, string code, string where, string? argument = null) =>
        context.Loader().Indicator(code)
            ?? throw new UserInputException(ErrorCodes.UnknownIndicator,
                $"{where}: there is no indicator '{code}'. The catalogue has {string.Join(", ", context.Loader().Indicators.Select(i => i.Code))}.", argument ?? where);

    public static Period PeriodArguments(this IResolveFieldContext context)
    {
        var year = context.GetArgument<int>("year");
        if (year is < Period.MinYear or > Period.MaxYear)
        {
            throw new UserInputException(ErrorCodes.BadUserInput, $"Argument 'year' is {year}; use a year from {Period.MinYear} to {Period.MaxYear}.", "year");
        }
        return new Period(year, context.GetArgument("period", SubPeriod.Year));
    }
}
