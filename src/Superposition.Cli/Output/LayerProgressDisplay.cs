using Spectre.Console;
using Superposition.Spectral.Pipeline;
using Superposition.Training.Tms;

namespace Superposition.Cli.Output;

/// <summary>Shows progress of long work: a bar on a terminal, a status line every few seconds otherwise.</summary>
internal static class LayerProgressDisplay
{
    public static T Run<T>(CliContext context, string title, Func<IProgress<LayerProgress>, T> work) =>
        Run<LayerProgress, T>(context, title, p => (p.Done, p.Total, Describe(p)), work);

    /// <summary>"started L (about 40 s; 3 min left in total)" or "L done in 38 s; about 2 min left".</summary>
    internal static string Describe(LayerProgress p)
    {
        string left = p.RemainingSeconds is { } r ? $"about {Duration(r)} left in total" : "ETA after the first layer";
        return p.Started
            ? $"started {p.Layer} ({(p.LayerEstimateSeconds is { } e ? "about " + Duration(e) : "no estimate yet")}; {left})"
            : $"{p.Layer}{(p.LayerSeconds is { } s ? " done in " + Duration(s) : " (not run here: restored from a checkpoint or skipped)")}; {left}";
    }

    private static string Duration(double seconds) => seconds < 90
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{seconds:0.0} s")
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{seconds / 60:0.0} min");

    public static T RunTraining<T>(CliContext context, string title, Func<IProgress<ToyProgress>, T> work) =>
        Run<ToyProgress, T>(context, title, p => (p.Completed, p.Total, p.Stage), work);

    private static T Run<TProgress, T>(CliContext context, string title, Func<TProgress, (long Done, long Total, string Label)> describe, Func<IProgress<TProgress>, T> work)
    {
        if (!context.Interactive)
        {
            context.Status(title + " ...");
            var lastReport = DateTime.UtcNow;
            var plain = new SynchronousProgress<TProgress>(p =>
            {
                var (done, total, label) = describe(p);
                if (done == total || DateTime.UtcNow - lastReport > TimeSpan.FromSeconds(5))
                {
                    lastReport = DateTime.UtcNow;
                    context.Status($"  {done}/{total} {label}");
                }
            });
            return work(plain);
        }

        T result = default!;
        context.Console.Progress().AutoClear(true).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(title));
                var bar = new SynchronousProgress<TProgress>(p =>
                {
                    var (done, total, label) = describe(p);
                    task.MaxValue = Math.Max(1, total);
                    task.Value = done;
                    task.Description = Markup.Escape($"{title}: {label}");
                });
                result = work(bar);
                task.Value = task.MaxValue;
            });
        return result;
    }

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; would post to the thread pool and arrive late).</summary>
    private sealed class SynchronousProgress<TValue>(Action<TValue> report) : IProgress<TValue>
    {
        private readonly object _gate = new();

        public void Report(TValue value)
        {
            lock (_gate) report(value);
        }
    }
}
