using System.Diagnostics;

namespace Shipshape.Cli.Diagnostics;

/// <summary>
/// Timestamps of the phases of one run, for <c>bench/startup.sh</c>, which shows where a one-file lint's time goes.
/// They exist only in a build with <c>-p:StartupTrace=true</c>; in every other build the compiler drops the calls,
/// arguments included, so the shipped tool does no work for them.
/// </summary>
public static class StartupTrace
{
    private const string Symbol = "SHIPSHAPE_STARTUP_TRACE";

    private static readonly List<(string Phase, long Timestamp, long Allocated)> Marks = new(capacity: 32);

    /// <summary>Records that <paramref name="phase"/> ends now.</summary>
    [Conditional(Symbol)]
    public static void Mark(string phase) => Marks.Add((phase, Stopwatch.GetTimestamp(), GC.GetTotalAllocatedBytes()));

    /// <summary>
    /// Writes "startup-trace PHASE NANOSECONDS ALLOCATED-BYTES" lines to standard error, the clock being the monotonic one that
    /// bench/startup.sh reads before it starts the process (<see cref="Stopwatch"/> on Linux).
    /// </summary>
    [Conditional(Symbol)]
    public static void Print()
    {
        foreach (var (phase, timestamp, allocated) in Marks)
        {
            Console.Error.WriteLine($"startup-trace {phase} {timestamp * (1_000_000_000 / Stopwatch.Frequency)} {allocated}");
        }

        // What the garbage collector did, which on a large run is as much of its time as the analysis.
        var lastCollection = GC.GetGCMemoryInfo();
        Console.Error.WriteLine($"startup-gc collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} " +
                                $"allocated {GC.GetTotalAllocatedBytes() >> 20} MB paused {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms " +
                                $"heap {lastCollection.HeapSizeBytes >> 20} MB promoted {lastCollection.PromotedBytes >> 20} MB");
    }
}
