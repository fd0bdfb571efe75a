namespace Superposition.Runtime;

/// <summary>How a session is created.</summary>
/// <param name="IntraOpThreads">
/// Threads inside one operator. Default 1: the same input then gives bit-identical output (parallel reductions
/// may sum in a different order), and callers parallelise across sessions instead. 0 lets ORT choose.
/// </param>
/// <param name="InterOpThreads">Threads across independent operators; default 1 (sequential execution).</param>
/// <param name="GraphOptimization">Default <see cref="OrtGraphOptimization.All"/>, ORT's own default.</param>
public sealed record OrtOptions(
    int IntraOpThreads = 1,
    int InterOpThreads = 1,
    OrtGraphOptimization GraphOptimization = OrtGraphOptimization.All)
{
    /// <summary>The defaults above.</summary>
    public static OrtOptions Default { get; } = new();
}
