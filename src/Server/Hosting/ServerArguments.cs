namespace Kencana.Server.Hosting;

/// <summary>Turns the server's own switches into configuration keys, leaving ASP.NET's (--urls, ...) as they are.</summary>
internal static class ServerArguments
{
    public static string[] Normalize(string[] args)
    {
        var result = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--rebuild":
                    result.Add($"--{WarehouseOptions.Section}:Rebuild=true");
                    break;
                case "--create":
                    result.Add($"--{WarehouseOptions.Section}:Create=true");
                    break;
                case "--warehouse" when i + 1 < args.Length:
                    result.Add($"--{WarehouseOptions.Section}:Path={args[++i]}");
                    break;
                default:
                    result.Add(args[i]);
                    break;
            }
        }
        return [.. result];
    }
}
