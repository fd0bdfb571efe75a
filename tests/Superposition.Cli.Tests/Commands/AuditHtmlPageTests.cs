using System.Globalization;
using System.Text.Json;
using Superposition.Cli.Tests.Support;
using Superposition.Tests.Shared;
using Xunit.Abstractions;

namespace Superposition.Cli.Tests.Commands;

/// <summary>The audit's HTML page of a 300-layer model, opened in headless Chromium and sorted by a header click.</summary>
public sealed class AuditHtmlPageTests(ITestOutputHelper output)
{
    /// <summary>"Within a few MB" for a 300-layer model.</summary>
    private const long MaxPageBytes = 4_000_000;

    [RequiresChromiumFact]
    public void Page_of_a_300_layer_model_is_small_lists_every_layer_and_sorts_by_a_clicked_measure_as_the_json_orders_it()
    {
        var audit = DeepModelAudit.Run();
        Assert.True(audit.Result.ExitCode == 0, audit.Result.Error);
        long bytes = new FileInfo(audit.Html).Length;
        Assert.InRange(bytes, 1, MaxPageBytes);

        using var json = JsonDocument.Parse(File.ReadAllText(audit.Json));
        var layers = json.RootElement.GetProperty("analysis").GetProperty("layers").EnumerateArray()
            .Select(l => (Name: l.GetProperty("name").GetString()!, Ratio: l.GetProperty("capacityRatio").GetDouble())).ToList();
        Assert.Equal(DeepModelAudit.Layers, layers.Count);

        using var browser = HeadlessChromium.Start(1280, 900);
        browser.Open(audit.Html);
        var timing = browser.Evaluate("(function(){var n=performance.getEntriesByType('navigation')[0]; return [n.domContentLoadedEventEnd, n.loadEventEnd];})()");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"page {bytes} bytes; DOMContentLoaded {timing[0].GetDouble():0} ms, load {timing[1].GetDouble():0} ms after navigation start"));
        Assert.Equal(layers.Select(l => l.Name), Names(browser));

        int column = browser.Evaluate("Array.from(document.querySelectorAll('#t0 thead th')).findIndex(function(th){return th.textContent.trim()==='ΣD/m';})").GetInt32();
        Assert.True(column >= 0, "the summary has a ΣD/m column");
        browser.ClickElement($"#t0 thead th:nth-child({column + 1}) button");
        Assert.Equal(layers.OrderBy(l => l.Ratio).Select(l => l.Name), Names(browser));
        browser.ClickElement($"#t0 thead th:nth-child({column + 1}) button");
        Assert.Equal(layers.OrderByDescending(l => l.Ratio).Select(l => l.Name), Names(browser));

        // Exactly the detailed layers link to their sections, and each section links back to its row.
        var links = browser.Evaluate("Array.from(document.querySelectorAll('#t0 tbody a')).map(function(a){return a.getAttribute('href');})").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal(DeepModelAudit.Detail, links.Count);
        browser.ClickElement($"#t0 tbody a[href='{links[0]}']");
        Assert.Equal(links[0], browser.Evaluate("location.hash").GetString());
        browser.ClickElement($"{links[0]} .back a");
        Assert.Equal("#row-" + links[0][1..], browser.Evaluate("location.hash").GetString());
    }

    private static List<string> Names(HeadlessChromium browser) =>
        browser.Evaluate("Array.from(document.querySelectorAll('#t0 tbody tr')).map(function(r){return r.cells[0].textContent.replace(/ \\*$/, '');})")
            .EnumerateArray().Select(e => e.GetString()!).ToList();
}
