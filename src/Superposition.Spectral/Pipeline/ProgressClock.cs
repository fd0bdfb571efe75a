using System.Diagnostics;

namespace Superposition.Spectral.Pipeline;

/// <summary>
/// Progress with ETAs: the measured rate (estimated FLOPs of finished layers ÷ wall time since the first start)
/// turns each layer's FLOP estimate into its expected time, and the FLOPs not yet finished into the time left.
/// Layers restored from a checkpoint count as done without adding to the rate.
/// </summary>
internal sealed class ProgressClock(IReadOnlyList<double> costs, IProgress<LayerProgress>? progress)
{
    private readonly object _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly double[] _started = Enumerable.Repeat(-1.0, costs.Count).ToArray();
    private readonly double _total = costs.Sum();
    private double _doneFlops;
    private double _measuredFlops;
    private double _firstStart = -1;
    private int _done;

    public void Started(int layer, string name)
    {
        lock (_gate)
        {
            var now = _clock.Elapsed.TotalSeconds;
            _started[layer] = now;
            if (_firstStart < 0) _firstStart = now;
            progress?.Report(new LayerProgress(_done, costs.Count, name) { Started = true, LayerEstimateSeconds = Estimate(costs[layer]), RemainingSeconds = Estimate(_total - _doneFlops) });
        }
    }

    public void Finished(int layer, string name)
    {
        lock (_gate)
        {
            var now = _clock.Elapsed.TotalSeconds;
            _done++;
            _doneFlops += costs[layer];
            double? seconds = null;
            if (_started[layer] >= 0)
            {
                _measuredFlops += costs[layer];
                seconds = now - _started[layer];
            }

            progress?.Report(new LayerProgress(_done, costs.Count, name) { LayerSeconds = seconds, RemainingSeconds = Estimate(_total - _doneFlops) });
        }
    }

    private double? Estimate(double flops)
    {
        if (_measuredFlops <= 0 || _firstStart < 0) return null;
        var rate = _measuredFlops / Math.Max(1e-9, _clock.Elapsed.TotalSeconds - _firstStart);
        return flops / rate;
    }
}
