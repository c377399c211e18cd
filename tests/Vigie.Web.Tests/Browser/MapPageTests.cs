using Microsoft.Playwright;

namespace Vigie.Web.Tests.Browser;

/// <summary>
/// Drives Debian's Chromium (/usr/bin/chromium, installed by .ci/install) against the live server:
/// markers on the offline map, filters, the evidence panel, the document view, and article text
/// that contains markup shown as text. Screenshots go to TestResults/screenshots/ at the repository root
/// (the folder CI keeps as an artefact; VIGIE_SCREENSHOTS overrides it).
/// </summary>
public sealed class MapPageTests(LiveServer server) : IClassFixture<LiveServer>, IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private readonly List<string> _problems = [];

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install it with `apt-get install -y chromium` (.ci/install does)");
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser != null) await _browser.CloseAsync();
        _playwright?.Dispose();
    }

    private async Task<IPage> OpenAsync(string path, int width = 1280, int height = 800, Func<IPage, Task>? beforeLoad = null)
    {
        var page = await _browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        page.Console += (_, m) => { if (m.Type == "error") _problems.Add($"console: {m.Text}"); };
        page.PageError += (_, e) => _problems.Add($"page error: {e}");
        // nothing may leave the machine: any request to another origin is a failure
        await page.RouteAsync("**/*", route =>
        {
            if (route.Request.Url.StartsWith(server.BaseUrl, StringComparison.Ordinal) || route.Request.Url.StartsWith("data:", StringComparison.Ordinal))
                return route.ContinueAsync();
            _problems.Add($"request to another origin: {route.Request.Url}");
            return route.AbortAsync();
        });
        if (beforeLoad != null) await beforeLoad(page);
        await page.GotoAsync(server.BaseUrl + path);
        return page;
    }

    private static string Shot(string name)
    {
        var dir = Environment.GetEnvironmentVariable("VIGIE_SCREENSHOTS") is { Length: > 0 } env ? env : Path.Combine(RepoRoot(), "TestResults", "screenshots");
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, name);
    }

    /// <summary>The folder holding Vigie.slnx above the test binaries (the test output folder when there is none).</summary>
    private static string RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d != null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Vigie.slnx"))) return d.FullName;
        return AppContext.BaseDirectory;
    }

    private static async Task<int> TotalAsync(IPage page, int? notEqual = null)
    {
        await page.WaitForFunctionAsync(
            "prev => { const c = document.getElementById('count'); return c.dataset.total !== undefined && (prev === null || c.dataset.total !== String(prev)); }",
            notEqual);
        return int.Parse(await page.Locator("#count").GetAttributeAsync("data-total") ?? "-1", System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task MapPage_Loads_ShowsMarkersBordersAndLegendWithoutErrors()
    {
        var page = await OpenAsync("/");
        var total = await TotalAsync(page);
        Assert.True(total >= 3, $"expected at least the 3 test events, the page says {total}");
        await page.Locator(".vg-event, .vg-cluster").First.WaitForAsync();
        Assert.True(await page.Locator(".vg-event, .vg-cluster").CountAsync() >= 2);
        await page.Locator("path.leaflet-interactive, .leaflet-overlay-pane path").First.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        Assert.Equal(6, await page.Locator(".legend li").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("map.png") });
        Assert.Empty(_problems);
    }

    [Fact]
    public async Task EventKnownOnlyByItsArea_IsDrawnApart()
    {
        // one country at a time, so that no cluster hides the marker
        var page = await OpenAsync("/?country=IQ");
        var area = page.Locator(".vg-event").First;
        await area.WaitForAsync();
        Assert.Contains("vg-area", await area.GetAttributeAsync("class") ?? "");
        Assert.Contains("region or country only", await area.GetAttributeAsync("title") ?? "");
        page = await OpenAsync("/?country=ML");
        var place = page.Locator(".vg-event").First;
        await place.WaitForAsync();
        Assert.DoesNotContain("vg-area", await place.GetAttributeAsync("class") ?? "");
        Assert.Empty(_problems);
    }

    [Fact]
    public async Task Filter_ChangesTheCountAndTheUrl()
    {
        var page = await OpenAsync("/");
        var all = await TotalAsync(page);
        await page.SelectOptionAsync("#f-type", "battles");
        var battles = await TotalAsync(page, all);
        Assert.True(battles >= 1 && battles < all, $"battles {battles} of {all}");
        Assert.Contains("type=battles", page.Url);
        await page.SelectOptionAsync("#f-country", "ML");
        await page.WaitForURLAsync("**country=ML**");
        await page.ClickAsync("#f-reset");
        await page.WaitForFunctionAsync("n => document.getElementById('count').dataset.total === String(n)", all);
        Assert.DoesNotContain("type=", page.Url);
        Assert.Empty(_problems);
    }

    [Fact]
    public async Task TimelineDrag_NarrowsTheDatesAndTheCount()
    {
        var page = await OpenAsync("/");
        var all = await TotalAsync(page);
        var box = (await page.Locator("#timeline").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + 2, box.Y + box.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + box.Width * 0.2f, box.Y + box.Height / 2, new MouseMoveOptions { Steps = 5 });
        await page.Mouse.UpAsync();
        var narrowed = await TotalAsync(page, all);
        Assert.True(narrowed < all, $"{narrowed} of {all}");
        Assert.Contains("from=", page.Url);
        Assert.Contains("to=", page.Url);
        await page.ClickAsync("#range-clear");
        await page.WaitForFunctionAsync("n => document.getElementById('count').dataset.total === String(n)", all);
        Assert.Empty(_problems);
    }

    [Fact]
    public async Task ZoomedOnACountry_PlaceNamesAreShownOffline()
    {
        var page = await OpenAsync("/?country=SY");
        await TotalAsync(page);
        await page.Locator(".vg-event, .vg-cluster").First.WaitForAsync();
        await page.Locator(".place-icon .place").First.WaitForAsync();
        // the labels are redrawn as the view settles on the country's events: read them in one go, in the page,
        // once a name inside the map is visible
        const string inside = @"() => {
            const m = document.getElementById('map').getBoundingClientRect();
            return [...document.querySelectorAll('.place-icon .place')].filter(e => {
                const b = e.getBoundingClientRect();
                return b.width > 0 && b.left >= m.left && b.top >= m.top && b.right <= m.right && b.bottom <= m.bottom
                    && getComputedStyle(e).visibility !== 'hidden';
            }).map(e => e.textContent); }";
        await page.WaitForFunctionAsync($"() => ({inside})().includes('Damascus')");
        var names = await page.EvaluateAsync<string[]>(inside);
        Assert.NotEmpty(names);
        Assert.Contains("Damascus", names);
        Assert.True(await page.Locator(".place.capital").CountAsync() >= 1);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("place-names-sy.png") });
        Assert.Empty(_problems);
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task Timeline_IsLabelledByMonthsOrYears(int width)
    {
        var page = await OpenAsync("/", width, 800);
        await TotalAsync(page);
        await page.Locator("#timeline-axis .tick").First.WaitForAsync();
        var labels = await page.Locator("#timeline-axis .tick").AllTextContentsAsync();
        var monthOrYear = new System.Text.RegularExpressions.Regex(@"^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)( \d{4})?$|^\d{4}$");
        Assert.True(labels.Count >= 2, $"labels: {string.Join(" | ", labels)}");
        Assert.All(labels, l => Assert.Matches(monthOrYear, l));
        // labels along the axis, not only at its two ends, and none overlapping
        var boxes = new List<LocatorBoundingBoxResult>();
        foreach (var t in await page.Locator("#timeline-axis .tick").AllAsync()) boxes.Add((await t.BoundingBoxAsync())!);
        for (var i = 1; i < boxes.Count; i++) Assert.True(boxes[i].X >= boxes[i - 1].X + boxes[i - 1].Width, $"label {i} overlaps");
        await page.Locator("footer.timeline").ScreenshotAsync(new LocatorScreenshotOptions { Path = Shot($"timeline-axis-{width}.png") });
        Assert.Empty(_problems);
    }

    [Fact]
    public async Task ToAMonth_ListsItsLastDaysAndTheLabelSaysTheMonth()
    {
        var page = await OpenAsync("/?to=2019-08");
        await TotalAsync(page);
        await page.Locator("#event-list .when").First.WaitForAsync();
        var days = await page.Locator("#event-list .when").AllTextContentsAsync();
        Assert.Contains("2019-08-21", days);
        Assert.DoesNotContain(days, d => string.CompareOrdinal(d, "2019-09") >= 0);
        var label = await page.Locator("#range-label").TextContentAsync() ?? "";
        Assert.Contains("to 2019-08 ", label);
        Assert.Contains("2019-08-31 inclusive", label);
        Assert.DoesNotContain("2019-08-01", label);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("timeline-month.png") });
        Assert.Empty(_problems);
    }

    [Fact]
    public async Task UrlState_IsRestoredOnLoad()
    {
        var page = await OpenAsync("/?country=SY&type=explosions_remote_violence");
        var total = await TotalAsync(page);
        Assert.True(total >= 1);
        Assert.Equal("SY", await page.InputValueAsync("#f-country"));
        Assert.Equal("explosions_remote_violence", await page.InputValueAsync("#f-type"));
        Assert.Empty(_problems);
    }

    [Fact]
    public async Task ClickingAMarker_ShowsTheEvidenceSentenceHighlighted()
    {
        var page = await OpenAsync("/?source=osdh");
        await page.Locator(".vg-event").First.WaitForAsync();
        await page.Locator(".vg-event").First.ClickAsync();
        var evidence = page.Locator("#detail .evidence").First;
        await evidence.WaitForAsync();
        Assert.Contains(TestStore.DoumaSentence, await evidence.TextContentAsync());
        Assert.Contains(TestStore.DoumaSentence, await evidence.Locator("mark.ev").First.TextContentAsync());
        Assert.Contains("best 12", await page.Locator("#detail .facts").TextContentAsync());
        Assert.Contains("event=", page.Url);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("event-panel.png") });

        await page.Locator("#detail a.doc-link").Last.ClickAsync();
        await page.WaitForURLAsync("**/document.html?**");
        var focus = page.Locator("#doc-text mark.focus").First;
        await focus.WaitForAsync();
        Assert.Contains("frappes aériennes", await focus.TextContentAsync());
        Assert.Empty(_problems);
    }

    [Fact]
    public async Task Labels_AreTheVocabularyOfTheApi()
    {
        var page = await OpenAsync("/?country=IQ&type=explosions_remote_violence&source=officials");
        await TotalAsync(page);
        var types = await page.EvaluateAsync<string[][]>(
            "async () => (await (await fetch('/api/vocabulary')).json()).event_types.map(t => [t.code, t.label])");
        Assert.Equal(6, types.Length);
        Assert.Contains(types, t => t.SequenceEqual(["explosions_remote_violence", "Explosions/Remote violence"]));
        Assert.Equal(types.Select(t => t[1]).ToArray(), (await page.Locator(".legend li").AllTextContentsAsync()).ToArray());
        foreach (var t in types)
            Assert.Equal(t[1], await page.Locator($"#f-type option[value='{t[0]}']").TextContentAsync());
        await page.Locator(".vg-event").First.WaitForAsync();
        await page.Locator(".vg-event").First.ClickAsync();
        await page.Locator("#detail .detail-title").WaitForAsync();
        Assert.Equal("Explosions/Remote violence", await page.Locator("#detail .detail-title").TextContentAsync());
        Assert.Empty(_problems);
    }

    [Fact]
    public async Task Labels_FollowTheApi_NotACopyInThePage()
    {
        // the same page with the vocabulary answered differently shows the other words
        var page = await OpenAsync("/?source=osdh", beforeLoad: p => p.RouteAsync("**/api/vocabulary", async route =>
        {
            var response = await route.FetchAsync();
            var json = System.Text.Json.Nodes.JsonNode.Parse(await response.TextAsync())!;
            foreach (var t in json["event_types"]!.AsArray()) t!["label"] = $"[{t["label"]}]";
            foreach (var t in json["event_subtypes"]!.AsArray()) t!["label"] = $"<{t["label"]}>";
            await route.FulfillAsync(new RouteFulfillOptions { Response = response, Body = json.ToJsonString() });
        }));
        await TotalAsync(page);
        await page.Locator(".legend li").First.WaitForAsync();
        Assert.All(await page.Locator(".legend li").AllTextContentsAsync(), l => Assert.Matches(@"^\[.+\]$", l));
        Assert.Equal("[Battles]", await page.Locator("#f-type option[value='battles']").TextContentAsync());
        var what = await page.Locator("#event-list .what").AllTextContentsAsync();
        Assert.NotEmpty(what);
        Assert.All(what, w => Assert.Matches(@"^(\[.+\]|<.+>)$", w));
        await page.Locator("#event-list button").First.ClickAsync();
        await page.Locator("#detail .detail-title").WaitForAsync();
        Assert.Matches(@"^\[.+\]$", await page.Locator("#detail .detail-title").TextContentAsync() ?? "");
        Assert.Empty(_problems);
    }

    [Fact]
    public async Task ArticleWithMarkup_IsShownAsTextAndNeverRuns()
    {
        var page = await OpenAsync("/?country=IQ&type=explosions_remote_violence&source=officials");
        await page.Locator(".vg-event").First.WaitForAsync();
        await page.Locator(".vg-event").First.ClickAsync();
        var evidence = page.Locator("#detail .evidence").First;
        await evidence.WaitForAsync();
        Assert.Contains("<script>window.__vigieInjected = 1</script>", await evidence.TextContentAsync());
        Assert.Equal(0, await page.Locator("#detail script, #detail img").CountAsync());

        await page.Locator("#detail a.doc-link").Last.ClickAsync();
        await page.WaitForURLAsync("**/document.html?**");
        await page.Locator("#doc-text mark").First.WaitForAsync();
        Assert.Contains("onerror=\"window.__vigieInjected = 2\"", await page.Locator("#doc-text").TextContentAsync());
        Assert.Equal(0, await page.Locator("#doc-text script, #doc-text img").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.__vigieInjected === undefined"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("document-markup.png"), FullPage = true });
        Assert.Empty(_problems);
    }

    [Theory]
    [InlineData(800, 600)]
    [InlineData(390, 844)]
    public async Task NarrowScreen_LegendClosedAndOpensOnClick(int width, int height)
    {
        var page = await OpenAsync("/", width, height);
        await TotalAsync(page);
        var legend = page.Locator("details.legend");
        await legend.WaitForAsync();
        Assert.False(await legend.EvaluateAsync<bool>("d => d.open"), $"the legend is open at {width} px");
        Assert.False(await page.Locator(".legend ul").IsVisibleAsync());
        var closed = (await legend.BoundingBoxAsync())!;
        var map = (await page.Locator("#map").BoundingBoxAsync())!;
        Assert.True(closed.Width * closed.Height < 0.05 * map.Width * map.Height, $"the closed legend is {closed.Width}×{closed.Height} on a {map.Width}×{map.Height} map");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot($"legend-closed-{width}.png") });
        await page.ClickAsync(".legend summary");
        await page.Locator(".legend ul").WaitForAsync();
        Assert.Equal(6, await page.Locator(".legend li").CountAsync());
        await page.ClickAsync(".legend summary");
        await page.Locator(".legend ul").WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        Assert.Empty(_problems);
    }

    [Fact]
    public async Task WideScreen_LegendOpen()
    {
        var page = await OpenAsync("/", 1280, 800);
        await TotalAsync(page);
        await page.Locator(".legend ul").WaitForAsync();
        Assert.True(await page.Locator("details.legend").EvaluateAsync<bool>("d => d.open"));
        Assert.Empty(_problems);
    }

    [Fact]
    public async Task PhoneWidth_KeepsMapListAndTimelineOnScreen()
    {
        var page = await OpenAsync("/", 390, 844);
        await TotalAsync(page);
        await page.Locator(".vg-event, .vg-cluster").First.WaitForAsync();
        foreach (var selector in new[] { "#map", "#event-list", "#timeline", "#f-country" })
        {
            var box = await page.Locator(selector).BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.Width > 0 && box.Width <= 390, $"{selector} is {box.Width}px wide");
        }
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("map-phone.png"), FullPage = true });
        Assert.Empty(_problems);
    }

    [Fact]
    public async Task Keyboard_ReachesAnEventAndOpensIt()
    {
        var page = await OpenAsync("/?source=osdh");
        await page.Locator("#event-list button").First.WaitForAsync();
        await page.Locator("#event-list button").First.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#detail .evidence").First.WaitForAsync();
        Assert.Equal("detail", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        Assert.Empty(_problems);
    }
}
