namespace Superposition.Training.Mimo;

/// <summary>How slot s's prediction is read from the shared output g (MATH.md section 6).</summary>
public enum MimoUnbinding
{
    /// <summary>A learned head per slot: logits_s = V_s g + e_s (MIMONets' learned unbinding).</summary>
    Learned,

    /// <summary>Fixed key unbinding then one shared classifier: logits_s = V (√F k_s ⊙ g) + e.</summary>
    FixedKey,
}

/// <summary>
/// Computation in superposition (MIMONets, Menet et al. 2023; MATH.md section 6) as a classification toy.
/// Each slot carries an input x_s = μ_{c_s} + σ ε (class c_s uniform over C classes, prototypes μ_c ~ N(0, I_D),
/// ε ~ N(0, I_D)). A learned first layer φ_s = ReLU(A x_s + a) ∈ R^F is bound to a trainable key and bundled,
/// z = √F Σ_s k_s ⊙ φ_s; one shared network g = W2 ReLU(W1 z + b1) + b2 ∈ R^F runs once; each slot is read by a
/// learned head (or, for comparison, by fixed key unbinding, <see cref="MimoUnbinding.FixedKey"/>). Loss: softmax
/// cross-entropy averaged over slots and batch, plus ρ [Σ_s (‖k_s‖² − 1)² + Σ_{s&lt;t} (k_s·k_t)²] pulling the keys
/// towards unit norm and mutual orthogonality. AdamW (no weight decay), keys initialised as random ±1/√F.
/// Defaults: D = 32, C = 10, σ = 2, F = 128, hidden 128, N ∈ {1, 2, 4, 8}, ρ = 0.1, 2000 steps, batch 64, lr 1e-3,
/// 2000 held-out bundles, seed 0, fixed N per model (dynamic N off).
/// </summary>
public sealed record MimoOptions
{
    /// <summary>Input dimension D. Default 32.</summary>
    public int InputDimension { get; init; } = 32;

    /// <summary>Number of classes C. Default 10.</summary>
    public int Classes { get; init; } = 10;

    /// <summary>Noise σ around the class prototype. Default 2.</summary>
    public double Noise { get; init; } = 2.0;

    /// <summary>Width F of the superposed representation (first layer, keys, bundle, shared output). Default 128.</summary>
    public int Width { get; init; } = 128;

    /// <summary>Hidden width of the shared network. Default 128.</summary>
    public int HiddenWidth { get; init; } = 128;

    /// <summary>Numbers of superposed slots N to compare. Default 1, 2, 4, 8.</summary>
    public IReadOnlyList<int> Slots { get; init; } = [1, 2, 4, 8];

    /// <summary>Strength ρ of the key regulariser. Default 0.1.</summary>
    public double KeyRegularization { get; init; } = 0.1;

    /// <summary>Dynamic-N training: each step uses a uniformly drawn number of occupied slots in 1..N (MIMONets' dynamic superposition). Default false.</summary>
    public bool DynamicSlots { get; init; }

    /// <summary>Optimizer steps per model. Default 2000.</summary>
    public int Steps { get; init; } = 2000;

    /// <summary>Bundles per step. Default 64.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>AdamW learning rate. Default 1e-3.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Held-out bundles for the reported accuracy. Default 2000.</summary>
    public int EvaluationSamples { get; init; } = 2000;

    /// <summary>Base seed of prototypes, init and data. Default 0.</summary>
    public ulong Seed { get; init; }

    internal void Validate()
    {
        if (InputDimension < 1) throw Fail.InvalidArgument("input dimension", InputDimension, "at least 1");
        if (Classes < 2) throw Fail.InvalidArgument("classes", Classes, "at least 2");
        if (!(Noise >= 0)) throw Fail.InvalidArgument("noise", Noise, "a non-negative number");
        if (Width < 2) throw Fail.InvalidArgument("width", Width, "at least 2");
        if (HiddenWidth < 1) throw Fail.InvalidArgument("hidden", HiddenWidth, "at least 1");
        if (Slots.Count == 0 || Slots.Any(s => s < 1 || s > Width)) throw Fail.InvalidArgument("slots", string.Join(",", Slots), $"one or more counts in 1..{Width}");
        if (!(KeyRegularization >= 0)) throw Fail.InvalidArgument("key regularization", KeyRegularization, "a non-negative number");
        if (Steps < 1) throw Fail.InvalidArgument("steps", Steps, "at least 1");
        if (BatchSize < 1) throw Fail.InvalidArgument("batch", BatchSize, "at least 1");
        if (EvaluationSamples < 1) throw Fail.InvalidArgument("evaluation samples", EvaluationSamples, "at least 1");
    }
}

/// <summary>One N: held-out accuracy with learned heads and with fixed key unbinding, and the learned keys' mean cos² (NaN for N = 1).</summary>
public sealed record MimoCell(int Slots, double Accuracy, double FixedUnbindingAccuracy, double KeyCosineSquared, double FixedKeyCosineSquared, double FinalLoss, double FixedFinalLoss);

/// <summary>All N of a study; 1/F is the mean cos² of random keys.</summary>
public sealed record MimoResult(MimoOptions Options, IReadOnlyList<MimoCell> Cells, TimeSpan Elapsed)
{
    /// <summary>1/F, the expected cos² of two random keys.</summary>
    public double RandomKeyCosineSquared => 1.0 / Options.Width;

    /// <summary>1/C, chance accuracy.</summary>
    public double ChanceAccuracy => 1.0 / Options.Classes;
}
