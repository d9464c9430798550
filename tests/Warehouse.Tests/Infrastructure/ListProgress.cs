namespace Kencana.Warehouse.Tests.Infrastructure;

/// <summary>Collects progress lines as they come (<see cref="Progress{T}"/> would post them to the thread pool).</summary>
internal sealed class ListProgress(List<string> lines) : IProgress<string>
{
    public void Report(string value) => lines.Add(value);
}
