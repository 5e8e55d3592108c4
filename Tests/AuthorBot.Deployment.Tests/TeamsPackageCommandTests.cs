using System.IO.Compression;
using System.Text.Json;
using AuthorBot.Bot.Deployment;
using Spectre.Console;

namespace AuthorBot.Deployment.Tests;

public class TeamsPackageCommandTests
{
    private const string AppId = "6f1c2a3b-9d4e-4f5a-8b6c-7d8e9f0a1b2c";

    [Fact]
    public async Task The_package_holds_the_manifest_with_the_bot_id_and_both_icons_at_its_root_and_validates()
    {
        using var folder = new TempFolder();
        var zipPath = Path.Combine(folder.Path, "out", "authorbot-teams.zip");

        // No --template: the command reads the copy the build put beside the binaries.
        var (code, output) = await RunAsync("--app-id", AppId.ToUpperInvariant(), "--out", zipPath, "--app-version", "1.2.3");

        Assert.True(code == 0, output);
        Assert.Contains(zipPath, output, StringComparison.Ordinal);
        using var zip = ZipFile.OpenRead(zipPath);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));

        using var manifest = await JsonDocument.ParseAsync(zip.GetEntry("manifest.json")!.Open());
        Assert.Empty(TeamsManifestSchema.Load().Validate(manifest.RootElement));
        Assert.Equal(AppId, manifest.RootElement.GetProperty("id").GetString());
        Assert.Equal(AppId, manifest.RootElement.GetProperty("bots")[0].GetProperty("botId").GetString());
        Assert.Equal("1.2.3", manifest.RootElement.GetProperty("version").GetString());
        foreach (var icon in new[] { "color.png", "outline.png" })
        {
            using var packaged = new MemoryStream();
            await zip.GetEntry(icon)!.Open().CopyToAsync(packaged);
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(BuildPaths.DeploymentTemplates, "teams", icon)), packaged.ToArray());
        }
    }

    [Fact]
    public async Task Without_a_version_the_template_keeps_its_own()
    {
        using var folder = new TempFolder();
        var zipPath = Path.Combine(folder.Path, "package.zip");

        var (code, output) = await RunAsync("--app-id", AppId, "--out", zipPath);

        Assert.True(code == 0, output);
        using var zip = ZipFile.OpenRead(zipPath);
        using var manifest = await JsonDocument.ParseAsync(zip.GetEntry("manifest.json")!.Open());
        using var template = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(BuildPaths.DeploymentTemplates, "teams", "manifest.json")));
        Assert.Equal(template.RootElement.GetProperty("version").GetString(), manifest.RootElement.GetProperty("version").GetString());
    }

    [Theory]
    [InlineData("not-a-guid", null, "must be a GUID")]
    [InlineData("00000000-0000-0000-0000-000000000000", null, "placeholder")]
    [InlineData(AppId, "1.0", "MAJOR.MINOR.PATCH")]
    [InlineData(AppId, "1.02.3", "MAJOR.MINOR.PATCH")]
    public async Task Bad_input_is_refused_with_a_reason_and_writes_nothing(string appId, string? version, string reason)
    {
        using var folder = new TempFolder();
        var zipPath = Path.Combine(folder.Path, "package.zip");
        string[] args = version is null ? ["--app-id", appId, "--out", zipPath] : ["--app-id", appId, "--out", zipPath, "--app-version", version];

        var (code, output) = await RunAsync(args);

        Assert.Equal(2, code);
        Assert.Contains(reason, output, StringComparison.Ordinal);
        Assert.False(File.Exists(zipPath));
    }

    [Fact]
    public async Task A_template_folder_without_icons_is_refused_by_name()
    {
        using var folder = new TempFolder();
        File.Copy(Path.Combine(BuildPaths.DeploymentTemplates, "teams", "manifest.json"), Path.Combine(folder.Path, "manifest.json"));
        var zipPath = Path.Combine(folder.Path, "package.zip");

        var (code, output) = await RunAsync("--app-id", AppId, "--out", zipPath, "--template", folder.Path);

        Assert.Equal(2, code);
        Assert.Contains("color.png", output, StringComparison.Ordinal);
        Assert.False(File.Exists(zipPath));
    }

    private static async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        // Wide enough that Spectre never wraps a temp path in two.
        console.Profile.Width = 1000;
        var code = await TeamsPackageCommand.RunAsync(args, console, CancellationToken.None);
        return (code, writer.ToString());
    }
}
