using Spectre.Console;
using Superposition.Spectral.Models;

namespace Superposition.Cli.Output;

/// <summary>Shows progress of long per-layer work: a bar on a terminal, occasional status lines otherwise.</summary>
internal static class LayerProgressDisplay
{
    public static T Run<T>(CliContext context, string title, Func<IProgress<LayerProgress>, T> work)
    {
        if (!context.Interactive)
        {
            context.Status(title + " ...");
            var lastReport = DateTime.UtcNow;
            var plain = new SynchronousProgress<LayerProgress>(p =>
            {
                if (p.Done == p.Total || DateTime.UtcNow - lastReport > TimeSpan.FromSeconds(5))
                {
                    lastReport = DateTime.UtcNow;
                    context.Status($"  {p.Done}/{p.Total} layers");
                }
            });
            return work(plain);
        }

        T result = default!;
        context.Console.Progress().AutoClear(true).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(title));
                var bar = new SynchronousProgress<LayerProgress>(p =>
                {
                    task.MaxValue = p.Total;
                    task.Value = p.Done;
                    task.Description = Markup.Escape($"{title}: {p.Layer}");
                });
                result = work(bar);
                task.Value = task.MaxValue;
            });
        return result;
    }

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; would post to a thread pool and arrive late).</summary>
    private sealed class SynchronousProgress<TValue>(Action<TValue> report) : IProgress<TValue>
    {
        private readonly object _gate = new();

        public void Report(TValue value)
        {
            lock (_gate) report(value);
        }
    }
}
