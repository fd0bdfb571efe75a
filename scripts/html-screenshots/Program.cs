using Superposition.Tests.Shared;

using System.Globalization;

// Usage: HtmlScreenshots PAGE.html OUT_DIR | HtmlScreenshots --load-time PAGE.html [RUNS]
// Screenshots of an audit page as a reader sees it: at 1280 px the top, the summary sorted by ΣD/m (largest first)
// and a detail section with the value under the pointer; at 390 px (a phone) the top, the summary and a chart.
// --load-time opens the page RUNS times (default 5) in one browser and prints Chromium's navigation timing.
if (args.Length >= 2 && args[0] == "--load-time")
{
    int runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
    using var browser = HeadlessChromium.Start(1280, 1000);
    for (int run = 0; run < runs; run++)
    {
        browser.Open("/dev/null"); // leave the page, so the next open is a fresh navigation
        browser.Open(args[1]);
        var t = browser.Evaluate("(function(){var n=performance.getEntriesByType('navigation')[0]; return [n.responseEnd, n.domInteractive, n.domContentLoadedEventEnd, n.loadEventEnd];})()");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {run + 1}: file read {t[0].GetDouble():0} ms, DOM parsed {t[1].GetDouble():0} ms, script done {t[2].GetDouble():0} ms, load {t[3].GetDouble():0} ms"));
    }

    return 0;
}

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: HtmlScreenshots PAGE.html OUT_DIR | HtmlScreenshots --load-time PAGE.html [RUNS]");
    return 2;
}

string page = args[0], folder = args[1];
Directory.CreateDirectory(folder);

void Save(HeadlessChromium browser, string name)
{
    string path = Path.Combine(folder, name);
    File.WriteAllBytes(path, browser.Screenshot());
    Console.WriteLine(path);
}

using (var wide = HeadlessChromium.Start(1280, 1000))
{
    wide.Open(page);
    Save(wide, "html-1280-top.png");

    // Sort by ΣD/m, largest first (two clicks), then bring the table's top to the top of the window.
    var column = wide.Evaluate("Array.from(document.querySelectorAll('#t0 thead th')).findIndex(function(th){return th.textContent.trim()==='ΣD/m';})").GetInt32();
    wide.ClickElement($"#t0 thead th:nth-child({column + 1}) button");
    wide.ClickElement($"#t0 thead th:nth-child({column + 1}) button");
    wide.Evaluate("window.scrollTo(0, document.querySelector('.filters').getBoundingClientRect().top + window.scrollY - 12)");
    Save(wide, "html-1280-summary-sorted.png");

    // A detail section: follow the first layer link, then point at the spectrum's tenth point.
    wide.ClickElement("#t0 tbody a");
    var at = wide.Evaluate("(function(){var s=document.querySelector(location.hash + ' svg.chart'); var d=JSON.parse(s.parentNode.querySelector('script.tips').textContent); var p=new DOMPoint(d.p[9*5+1], d.p[9*5+2]).matrixTransform(s.getScreenCTM()); return [p.x, p.y];})()");
    wide.MoveMouse(at[0].GetDouble(), at[1].GetDouble());
    Save(wide, "html-1280-detail-tooltip.png");
}

using (var phone = HeadlessChromium.Start(390, 844))
{
    phone.Open(page);
    Save(phone, "html-390-top.png");
    phone.Evaluate("window.scrollTo(0, document.querySelector('.filters').getBoundingClientRect().top + window.scrollY - 8)");
    Save(phone, "html-390-summary.png");
    phone.ClickElement("#t0 tbody a");
    phone.Evaluate("window.scrollBy(0, document.querySelector(location.hash + ' figure').getBoundingClientRect().top - 8)");
    Save(phone, "html-390-detail.png");
}

return 0;
