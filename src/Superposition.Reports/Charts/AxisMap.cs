namespace Superposition.Reports.Charts;

/// <summary>Maps data values on one axis to drawing coordinates (linear or log10, optionally reversed).</summary>
internal sealed class AxisMap
{
    private readonly double _a;
    private readonly double _b;
    private readonly double _from;
    private readonly double _to;

    public AxisMap(TickSet ticks, AxisScale scale, double from, double to)
    {
        Ticks = ticks;
        Scale = scale;
        _a = Transform(ticks.Min);
        _b = Transform(ticks.Max);
        _from = from;
        _to = to;
    }

    public TickSet Ticks { get; }

    public AxisScale Scale { get; }

    public bool IsLog => Scale == AxisScale.Log10;

    /// <summary>Drawing coordinate of <paramref name="value"/>; values outside the range map outside (clip handles them).</summary>
    public double Map(double value) => _from + ((Transform(value) - _a) / (_b - _a) * (_to - _from));

    /// <summary>Whether the value can be drawn on this axis at all (finite, and positive on a log axis).</summary>
    public bool CanShow(double value) => double.IsFinite(value) && (!IsLog || value > 0);

    private double Transform(double value) => IsLog ? Math.Log10(value) : value;
}
