namespace ZkInference.Groth16;

/// <summary>
/// The one ParallelOptions every parallel loop here uses: at most one worker per core. Without the cap a
/// loop of many short items on a busy machine looks stalled to the thread pool, which then injects thread
/// after thread (a hundred were seen during a long prepare phase2), each adding load and context switches.
/// </summary>
internal static class Parallelism
{
    /// <summary>One worker per core.</summary>
    public static readonly ParallelOptions Cores = new() { MaxDegreeOfParallelism = Environment.ProcessorCount };
}
