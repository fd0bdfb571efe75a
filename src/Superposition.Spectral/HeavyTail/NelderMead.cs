namespace Superposition.Spectral.HeavyTail;

/// <summary>
/// One-dimensional Nelder–Mead as SciPy's fmin runs it by default (the polish WeightWatcher's grid fit uses): initial
/// simplex {x₀, 1.05·x₀}, reflection 1, expansion 2, contraction 0.5, shrink 0.5, stop when both the simplex width and
/// the spread of its values are within 1e-4, or after 200 iterations or evaluations.
/// </summary>
internal static class NelderMead
{
    private const double Tolerance = 1e-4;
    private const int MaxSteps = 200;

    public static double Minimize(Func<double, double> f, double x0)
    {
        var calls = 0;
        double F(double x)
        {
            calls++;
            return f(x);
        }

        double[] sim = [x0, x0 != 0 ? 1.05 * x0 : 0.00025];
        double[] values = [F(sim[0]), F(sim[1])];
        Order(sim, values);
        var iterations = 1;
        while (calls < MaxSteps && iterations < MaxSteps)
        {
            if (Math.Abs(sim[1] - sim[0]) <= Tolerance && Math.Abs(values[0] - values[1]) <= Tolerance)
            {
                break;
            }

            var centre = sim[0];
            var reflected = (2 * centre) - sim[1];
            var fr = F(reflected);
            if (fr < values[0])
            {
                var expanded = (3 * centre) - (2 * sim[1]);
                var fe = F(expanded);
                (sim[1], values[1]) = fe < fr ? (expanded, fe) : (reflected, fr);
            }
            else
            {
                var shrink = false;
                if (fr < values[1])
                {
                    var outside = (1.5 * centre) - (0.5 * sim[1]);
                    var fc = F(outside);
                    if (fc <= fr)
                    {
                        (sim[1], values[1]) = (outside, fc);
                    }
                    else
                    {
                        shrink = true;
                    }
                }
                else
                {
                    var inside = (0.5 * centre) + (0.5 * sim[1]);
                    var fcc = F(inside);
                    if (fcc < values[1])
                    {
                        (sim[1], values[1]) = (inside, fcc);
                    }
                    else
                    {
                        shrink = true;
                    }
                }

                if (shrink)
                {
                    sim[1] = sim[0] + (0.5 * (sim[1] - sim[0]));
                    values[1] = F(sim[1]);
                }
            }

            Order(sim, values);
            iterations++;
        }

        return sim[0];
    }

    /// <summary>Best vertex first; a tie keeps the order (a stable sort).</summary>
    private static void Order(double[] sim, double[] values)
    {
        if (values[1] < values[0])
        {
            (sim[0], sim[1]) = (sim[1], sim[0]);
            (values[0], values[1]) = (values[1], values[0]);
        }
    }
}
