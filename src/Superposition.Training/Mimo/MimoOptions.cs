namespace Superposition.Training.Mimo;

/// <summary>How slot inputs are bound to keys (MATH.md section 6).</summary>
public enum MimoBinding
{
    /// <summary>Elementwise product with random ±1 keys; unbinding multiplies by the same key (exact inverse).</summary>
    Bipolar,

    /// <summary>Circular convolution with N(0, 1/d) keys (holographic reduced representation); unbinding by circular correlation (approximate inverse).</summary>
    Circular,
}

/// <summary>
/// Computation in superposition (MIMONets, MATH.md section 6): N slot inputs x_s ∈ R^d are bound to keys and
/// summed, z = Σ_s bind(k_s, x_s); one shared MLP g(z) = W2 ReLU(W1 z + b1) + b2 runs once; slot s reads
/// ŷ_s = unbind(k_s, g(z)). The per-slot task is a fixed random teacher y_s = ReLU(T x_s), T_ij ~ N(0, 1/d).
/// Inputs live in a fixed random r-dimensional subspace, x_s = U u_s with u_s ~ N(0, I_r), U_ij ~ N(0, 1/r):
/// with r = d (dense Gaussian inputs) the bundle z cannot hold N·d numbers in d dimensions and every N ≥ 2 fails,
/// so the default r = 4 keeps N·r ≤ d up to N = 16 (the low intrinsic dimension MIMONets rely on).
/// Trained end to end with AdamW on the mean squared error over slots and dimensions.
/// Defaults: d = 64, r = 4, hidden 256, N ∈ {1, 2, 4, 8}, both bindings, 3000 steps, batch 128, lr 1e-3, seed 0,
/// error measured on 2048 held-out samples as E‖ŷ − y‖² / E‖y‖².
/// </summary>
public sealed record MimoOptions
{
    /// <summary>Width d of inputs, keys and outputs. Default 64.</summary>
    public int Dimension { get; init; } = 64;

    /// <summary>Intrinsic dimension r of the slot inputs (x = U u, u ∈ R^r); 0 means r = d. Default 4.</summary>
    public int InputRank { get; init; } = 4;

    /// <summary>Hidden width of the shared MLP. Default 256.</summary>
    public int HiddenWidth { get; init; } = 256;

    /// <summary>Numbers of superposed slots to compare. Default 1, 2, 4, 8.</summary>
    public IReadOnlyList<int> Slots { get; init; } = [1, 2, 4, 8];

    /// <summary>Bindings to compare. Default both.</summary>
    public IReadOnlyList<MimoBinding> Bindings { get; init; } = [MimoBinding.Bipolar, MimoBinding.Circular];

    /// <summary>Optimizer steps per (binding, N). Default 3000.</summary>
    public int Steps { get; init; } = 3000;

    /// <summary>Samples per step (each sample carries N slot inputs). Default 128.</summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>AdamW learning rate. Default 1e-3.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Held-out samples for the reported error. Default 2048.</summary>
    public int EvaluationSamples { get; init; } = 2048;

    /// <summary>Keys drawn (same procedure) to estimate the mean key cos² against 1/d. Default 256.</summary>
    public int KeySampleForCosine { get; init; } = 256;

    /// <summary>Base seed of keys, teacher, initialisation and data. Default 0.</summary>
    public ulong Seed { get; init; }

    internal void Validate()
    {
        if (Dimension < 2) throw Fail.InvalidArgument("dimension", Dimension, "at least 2");
        if (InputRank < 0 || InputRank > Dimension) throw Fail.InvalidArgument("input rank", InputRank, $"0 (full) or 1..{Dimension}");
        if (HiddenWidth < 1) throw Fail.InvalidArgument("hidden", HiddenWidth, "at least 1");
        if (Slots.Count == 0 || Slots.Any(s => s < 1)) throw Fail.InvalidArgument("slots", string.Join(",", Slots), "one or more counts ≥ 1");
        if (Bindings.Count == 0) throw Fail.InvalidArgument("bindings", "(none)", "bipolar and/or circular");
        if (Steps < 1) throw Fail.InvalidArgument("steps", Steps, "at least 1");
        if (BatchSize < 1) throw Fail.InvalidArgument("batch", BatchSize, "at least 1");
        if (EvaluationSamples < 1) throw Fail.InvalidArgument("evaluation samples", EvaluationSamples, "at least 1");
        if (KeySampleForCosine < 2) throw Fail.InvalidArgument("key sample", KeySampleForCosine, "at least 2");
    }
}

/// <summary>One (binding, N) cell: held-out relative error, the mean cos² of its own keys (pairs s ≠ t; NaN for N = 1).</summary>
public sealed record MimoCell(MimoBinding Binding, int Slots, double RelativeError, double FinalTrainLoss, double KeyCosineSquared);

/// <summary>
/// All cells plus, per binding, the mean key cos² over <see cref="MimoOptions.KeySampleForCosine"/> keys drawn the same way
/// (compare with 1/d: random keys have E[cos²] = 1/d).
/// </summary>
public sealed record MimoResult(MimoOptions Options, IReadOnlyList<MimoCell> Cells, IReadOnlyDictionary<MimoBinding, double> SampledKeyCosineSquared, TimeSpan Elapsed)
{
    /// <summary>1/d, the expected cos² of random keys.</summary>
    public double ExpectedCosineSquared => 1.0 / Options.Dimension;
}
