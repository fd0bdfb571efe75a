using Superposition.Spectral.Measures;

namespace Superposition.Reports.Baselines;

/// <summary>One trained toy frame of a baseline set.</summary>
/// <param name="Run">Which independent run (0, 1, ...).</param>
/// <param name="FeatureProbability">p = 1 − S it was trained at.</param>
/// <param name="FinalLoss">Its loss on the trainer's fixed evaluation set.</param>
/// <param name="Weights">W as the trainer stores it: m × n row-major (<c>W[k·n + i]</c>).</param>
public sealed record ToyFrame(int Run, double FeatureProbability, double FinalLoss, IReadOnlyList<float> Weights)
{
    /// <summary>The frame as the analyser reads it (column-major: feature i is a contiguous slice of m values).</summary>
    public FrameInput ToFrameInput(ToyShape shape, string name)
    {
        ArgumentNullException.ThrowIfNull(shape);
        int n = shape.Features, m = shape.Hidden;
        var data = new double[n * m];
        for (int k = 0; k < m; k++)
        {
            for (int i = 0; i < n; i++) data[(i * m) + k] = Weights[(k * n) + i];
        }

        return new FrameInput(name, m, n, data);
    }
}

/// <summary>Every trained frame of one toy shape, with the fingerprint of the settings that produced it.</summary>
public sealed record ShapeBaseline(ToyShape Shape, string Fingerprint, IReadOnlyList<ToyFrame> Frames);
