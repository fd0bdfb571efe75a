namespace Superposition.Runtime;

/// <summary>ORT's graph optimization levels (the values of its <c>GraphOptimizationLevel</c> enum).</summary>
public enum OrtGraphOptimization
{
    Disabled = 0,
    Basic = 1,
    Extended = 2,
    All = 99,
}
