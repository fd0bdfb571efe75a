using Superposition.Training.Tms;

namespace Superposition.Training.Tests.Support;

/// <summary>
/// A fact for the 512-bit batch kernel: reported as skipped, with the reason, on a CPU without 512-bit vectors,
/// never passed without running.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class RequiresBatchKernelFactAttribute : FactAttribute
{
    public RequiresBatchKernelFactAttribute()
    {
        if (!TmsBatchKernel.IsSupported) Skip = BatchKernelRequirement.Reason;
    }
}

/// <summary>The theory form of <see cref="RequiresBatchKernelFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class RequiresBatchKernelTheoryAttribute : TheoryAttribute
{
    public RequiresBatchKernelTheoryAttribute()
    {
        if (!TmsBatchKernel.IsSupported) Skip = BatchKernelRequirement.Reason;
    }
}

internal static class BatchKernelRequirement
{
    public const string Reason = "this CPU has no hardware 512-bit vectors (AVX-512), so the trainer uses its row kernel and the batch kernel cannot run here";
}
