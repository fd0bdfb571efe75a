using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Superposition.Tests.Shared;

/// <summary>
/// Debian's Chromium, headless, driven through the DevTools protocol over its WebSocket: navigate, evaluate
/// script, dispatch real mouse and keyboard input at page coordinates, resize the viewport, take screenshots.
/// One fresh profile per instance; the browser is killed and the profile deleted on dispose.
/// </summary>
internal sealed class HeadlessChromium : IDisposable
{
    public const string Executable = "/usr/bin/chromium";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly string _profile;
    private readonly ClientWebSocket _socket = new();
    private int _nextId;

    private HeadlessChromium(Process process, string profile)
    {
        _process = process;
        _profile = profile;
    }

    /// <summary>Starts the browser with a page of <paramref name="width"/> × <paramref name="height"/> CSS pixels.</summary>
    public static HeadlessChromium Start(int width = 1280, int height = 900)
    {
        string profile = Path.Combine(Path.GetTempPath(), "superposition-chromium", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        var info = new ProcessStartInfo(Executable) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string flag in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--remote-debugging-port=0",
            "--user-data-dir=" + profile, $"--window-size={width},{height}", "about:blank",
        })
        {
            info.ArgumentList.Add(flag);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + Executable);
        process.ErrorDataReceived += (_, _) => { }; // drained so a chatty browser never blocks on a full pipe
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var browser = new HeadlessChromium(process, profile);
        try
        {
            browser.Connect(width, height);
            return browser;
        }
        catch
        {
            browser.Dispose();
            throw;
        }
    }

    /// <summary>Opens <paramref name="path"/> (a local file) and waits for its load event.</summary>
    public void Open(string path)
    {
        Send("Page.navigate", new JsonObject { ["url"] = new Uri(Path.GetFullPath(path)).AbsoluteUri });
        var deadline = DateTime.UtcNow + Timeout;
        while (Evaluate("document.readyState").GetString() != "complete")
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("page did not load: " + path);
            Thread.Sleep(20);
        }
    }

    /// <summary>The value of a script expression (awaited if it is a promise), or an exception with the script's error.</summary>
    public JsonElement Evaluate(string expression)
    {
        var result = Send("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true });
        if (result.TryGetProperty("exceptionDetails", out var error))
        {
            throw new InvalidOperationException("script failed: " + error.GetRawText());
        }

        return result.GetProperty("result").TryGetProperty("value", out var value) ? value.Clone() : default;
    }

    /// <summary>A left click at viewport coordinates (CSS pixels), as a user's mouse would: move, press, release.</summary>
    public void Click(double x, double y)
    {
        MoveMouse(x, y);
        foreach (string type in new[] { "mousePressed", "mouseReleased" })
        {
            Send("Input.dispatchMouseEvent", new JsonObject { ["type"] = type, ["x"] = x, ["y"] = y, ["button"] = "left", ["clickCount"] = 1 });
        }
    }

    public void MoveMouse(double x, double y) =>
        Send("Input.dispatchMouseEvent", new JsonObject { ["type"] = "mouseMoved", ["x"] = x, ["y"] = y });

    /// <summary>Types text into the focused element, as an input method would.</summary>
    public void Type(string text) => Send("Input.insertText", new JsonObject { ["text"] = text });

    /// <summary>Scrolls the element matched by <paramref name="selector"/> into view and clicks its centre.</summary>
    public void ClickElement(string selector)
    {
        var (x, y) = CenterOf(selector);
        Click(x, y);
    }

    /// <summary>The viewport coordinates of an element's centre, after scrolling it into view.</summary>
    public (double X, double Y) CenterOf(string selector)
    {
        var rect = Evaluate($"(function(){{var e=document.querySelector({JsonSerializer.Serialize(selector)}); if(!e) throw new Error('no element ' + {JsonSerializer.Serialize(selector)}); e.scrollIntoView({{block:'center'}}); var r=e.getBoundingClientRect(); return [r.left + r.width/2, r.top + r.height/2];}})()");
        return (rect[0].GetDouble(), rect[1].GetDouble());
    }

    public void SetViewport(int width, int height) =>
        Send("Emulation.setDeviceMetricsOverride", new JsonObject { ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = false });

    /// <summary>A PNG of the viewport.</summary>
    public byte[] Screenshot() =>
        Convert.FromBase64String(Send("Page.captureScreenshot", new JsonObject { ["format"] = "png" }).GetProperty("data").GetString()!);

    public void Dispose()
    {
        _socket.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // a crash-dump helper may still hold a file; the temp folder is cleaned by the system
        }
    }

    private void Connect(int width, int height)
    {
        // Chromium writes the port it chose (line 1) to DevToolsActivePort in the profile once it listens.
        string portFile = Path.Combine(_profile, "DevToolsActivePort");
        var deadline = DateTime.UtcNow + Timeout;
        string[] lines = [];
        while (lines.Length < 2)
        {
            if (_process.HasExited) throw new InvalidOperationException($"{Executable} exited with code {_process.ExitCode} before listening");
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{Executable} did not open its DevTools port");
            Thread.Sleep(50);
            try
            {
                lines = File.Exists(portFile) ? File.ReadAllLines(portFile) : [];
            }
            catch (IOException)
            {
                lines = [];
            }
        }

        int port = int.Parse(lines[0], CultureInfo.InvariantCulture);
        using var http = new HttpClient { Timeout = Timeout };
        using var targets = JsonDocument.Parse(http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/json/list")).GetAwaiter().GetResult());
        string url = targets.RootElement.EnumerateArray().First(t => t.GetProperty("type").GetString() == "page").GetProperty("webSocketDebuggerUrl").GetString()!;
        using var cancel = new CancellationTokenSource(Timeout);
        _socket.ConnectAsync(new Uri(url), cancel.Token).GetAwaiter().GetResult();
        Send("Page.enable", new JsonObject());
        SetViewport(width, height);
    }

    private JsonElement Send(string method, JsonObject parameters)
    {
        int id = ++_nextId;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters };
        using var cancel = new CancellationTokenSource(Timeout);
        _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, cancel.Token).GetAwaiter().GetResult();
        while (true)
        {
            using var reply = JsonDocument.Parse(Receive(cancel.Token));
            var root = reply.RootElement;
            if (!root.TryGetProperty("id", out var replyId) || replyId.GetInt32() != id) continue; // an event, or an older reply
            if (root.TryGetProperty("error", out var error)) throw new InvalidOperationException($"{method}: {error.GetRawText()}");
            return root.GetProperty("result").Clone();
        }
    }

    private byte[] Receive(CancellationToken cancel)
    {
        using var message = new MemoryStream();
        var buffer = new byte[64 * 1024];
        WebSocketReceiveResult part;
        do
        {
            part = _socket.ReceiveAsync(buffer, cancel).GetAwaiter().GetResult();
            if (part.MessageType == WebSocketMessageType.Close) throw new InvalidOperationException("the browser closed the DevTools connection");
            message.Write(buffer, 0, part.Count);
        }
        while (!part.EndOfMessage);
        return message.ToArray();
    }
}
