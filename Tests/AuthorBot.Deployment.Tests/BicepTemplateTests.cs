using System.Text.Json;
using System.Text.RegularExpressions;

namespace AuthorBot.Deployment.Tests;

public partial class BicepTemplateTests(BicepFixture bicep) : IClassFixture<BicepFixture>
{
    public static TheoryData<string> TemplateFiles => [.. BicepFixture.TemplateFiles];

    [Fact]
    public void The_kit_has_the_main_template_its_modules_and_its_parameters_file()
    {
        Assert.Contains("main.bicep", BicepFixture.TemplateFiles);
        Assert.Contains("main.bicepparam", BicepFixture.TemplateFiles);
        Assert.Contains(BicepFixture.TemplateFiles, f => f.StartsWith("modules/", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TemplateFiles))]
    public void Every_template_file_compiles_without_a_warning(string file)
    {
        var build = bicep.Build(file);

        build.AssertClean();
        Assert.StartsWith("{", build.Output.TrimStart(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_linter_reads_every_template_file_and_finds_nothing()
    {
        bicep.Lint.AssertClean();
        var report = SarifReport.Parse(bicep.Lint.Output);

        Assert.Equal(BicepFixture.TemplateFiles.Count, report.Documents);
        Assert.Empty(report.Results);
    }

    [Fact]
    public async Task A_warning_fails_the_check()
    {
        // The same check on a template with an unused parameter: proof that the assertions above can fail.
        var folder = Directory.CreateTempSubdirectory("authorbot-bicep-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "unused.bicep"), "param unused string\noutput answer int = 42\n");
            var build = await BicepCli.RunAsync(folder.FullName, "build", "unused.bicep", "--stdout", "--no-restore");

            Assert.Contains(build.Diagnostics, d => d.Contains("no-unused-params", StringComparison.Ordinal));
            Assert.ThrowsAny<Xunit.Sdk.XunitException>(build.AssertClean);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_committed_ARM_template_is_what_the_Bicep_compiles_to()
    {
        var committed = File.ReadAllText(Path.Combine(BuildPaths.DeploymentTemplates, "main.json"));

        Assert.True(
            Normalize(committed) == Normalize(bicep.Build("main.bicep").Output),
            "deploymentTemplates/main.json differs from main.bicep: rebuild it with the Bicep CLI the tests use, "
            + "`bicep build deploymentTemplates/main.bicep` (Azure.Bicep.CommandLine.linux-x64 in the NuGet package folder).");
    }

    [Fact]
    public void Every_parameter_is_described_and_listed_in_the_parameters_file()
    {
        using var template = JsonDocument.Parse(bicep.Build("main.bicep").Output);
        var parameters = template.RootElement.GetProperty("parameters").EnumerateObject().ToList();
        var listed = ParameterLine().Matches(File.ReadAllText(Path.Combine(BuildPaths.DeploymentTemplates, "main.bicepparam")))
            .Select(m => m.Groups["name"].Value)
            .ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(parameters);
        Assert.All(parameters, p =>
        {
            Assert.False(string.IsNullOrWhiteSpace(p.Value.GetProperty("metadata").GetProperty("description").GetString()), $"{p.Name} has no description.");
            Assert.True(listed.Contains(p.Name), $"{p.Name} is not in main.bicepparam (set it, or show its default in a commented-out line).");
        });
    }

    [Fact]
    public void The_parameters_file_deploys_a_managed_identity_bot_with_no_secret_in_it()
    {
        using var built = JsonDocument.Parse(bicep.Build("main.bicepparam").Output);
        using var parameters = JsonDocument.Parse(built.RootElement.GetProperty("parametersJson").GetString()!);
        var values = parameters.RootElement.GetProperty("parameters");

        Assert.Equal("UserAssignedMSI", values.GetProperty("appType").GetProperty("value").GetString());
        Assert.Equal(string.Empty, values.GetProperty("appPassword").GetProperty("value").GetString());
        Assert.Equal(string.Empty, values.GetProperty("announcementsApiKey").GetProperty("value").GetString());
        Assert.Equal(string.Empty, values.GetProperty("emailFrom").GetProperty("value").GetString());
    }

    [Fact]
    public void Smtp_settings_reach_the_web_app_with_the_password_only_as_a_Key_Vault_reference()
    {
        var output = bicep.Build("main.bicep").Output;
        using var template = JsonDocument.Parse(output);
        Assert.False(template.RootElement.GetProperty("parameters").TryGetProperty("smtpPassword", out _), "No parameter carries the SMTP password itself.");

        var webApp = DeployedTemplate.Module(output, "webApp");
        var settings = DeployedTemplate.Resource(webApp, "Microsoft.Web/sites/config").GetProperty("properties").GetString()!;
        foreach (var key in new[] { "Email__From", "Email__Smtp__Host", "Email__Smtp__Port", "Email__Smtp__Security", "Email__Smtp__User", "Email__PublicBaseUrl" })
        {
            Assert.Contains($"'{key}'", settings, StringComparison.Ordinal);
        }

        Assert.Contains("'Email__Smtp__Password', format('@Microsoft.KeyVault(SecretUri={0})', parameters('smtpPasswordSecretUri'))", settings, StringComparison.Ordinal);

        // App Service resolves the reference with the identity the bot already has (or the site's own, for a bot with a secret).
        var site = DeployedTemplate.Resource(webApp, "Microsoft.Web/sites");
        Assert.Equal("[if(variables('isManagedIdentity'), parameters('identityResourceId'), 'SystemAssigned')]", site.GetProperty("properties").GetProperty("keyVaultReferenceIdentity").GetString());
    }

    [Fact]
    public void The_outputs_name_the_bot_endpoint_the_site_and_the_ids()
    {
        using var template = JsonDocument.Parse(bicep.Build("main.bicep").Output);
        var outputs = template.RootElement.GetProperty("outputs");

        foreach (var name in new[] { "botEndpoint", "siteHostName", "webAppName", "microsoftAppId", "managedIdentityClientId" })
        {
            Assert.True(outputs.TryGetProperty(name, out var output), $"No output {name}.");
            Assert.Equal("string", output.GetProperty("type").GetString());
        }

        Assert.Contains("/api/messages", outputs.GetProperty("botEndpoint").GetProperty("value").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_web_app_runs_dotnet_10_on_linux_over_https_always_on_with_the_health_check()
    {
        var webApp = DeployedTemplate.Module(bicep.Build("main.bicep").Output, "webApp");
        var site = DeployedTemplate.Resource(webApp, "Microsoft.Web/sites");
        var siteConfig = site.GetProperty("properties").GetProperty("siteConfig");

        Assert.Equal("app,linux", site.GetProperty("kind").GetString());
        Assert.True(site.GetProperty("properties").GetProperty("httpsOnly").GetBoolean());
        Assert.Equal("DOTNETCORE|10.0", siteConfig.GetProperty("linuxFxVersion").GetString());
        Assert.True(siteConfig.GetProperty("alwaysOn").GetBoolean());
        Assert.Equal("/healthz/ready", siteConfig.GetProperty("healthCheckPath").GetString());
        Assert.True(DeployedTemplate.Resource(webApp, "Microsoft.Web/serverfarms").GetProperty("properties").GetProperty("reserved").GetBoolean());
    }

    [Fact]
    public void The_host_listens_on_every_interface_at_the_port_App_Service_forwards_to()
    {
        var settings = DeployedTemplate.HostSettings(bicep.Build("main.bicep").Output);
        var url = new Uri(settings["ASPNETCORE_URLS"].Replace("+", "0.0.0.0", StringComparison.Ordinal));

        Assert.Matches("^http://(\\+|\\*|0\\.0\\.0\\.0|\\[::\\]):", settings["ASPNETCORE_URLS"]);
        Assert.Equal(settings["WEBSITES_PORT"], url.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // Both groups of settings the tests read reach the web app.
        var appSettings = DeployedTemplate.Resource(DeployedTemplate.Module(bicep.Build("main.bicep").Output, "webApp"), "Microsoft.Web/sites/config");
        var union = appSettings.GetProperty("properties").GetString();
        Assert.Contains("variables('hostSettings')", union, StringComparison.Ordinal);
        Assert.Contains("variables('dataSettings')", union, StringComparison.Ordinal);
    }

    [Fact]
    public void The_bot_resource_matches_the_web_app_identity_and_has_the_three_channels()
    {
        var botModule = DeployedTemplate.Module(bicep.Build("main.bicep").Output, "bot");
        var bot = DeployedTemplate.Resource(botModule, "Microsoft.BotService/botServices").GetProperty("properties");
        var channels = botModule.GetProperty("resources").EnumerateArray()
            .Where(r => r.GetProperty("type").GetString() == "Microsoft.BotService/botServices/channels")
            .Select(r => r.GetProperty("properties").GetProperty("channelName").GetString());

        Assert.Equal(["DirectLineChannel", "MsTeamsChannel", "WebChatChannel"], channels.Order(StringComparer.Ordinal));
        foreach (var property in new[] { "msaAppType", "msaAppId", "msaAppTenantId", "msaAppMSIResourceId", "endpoint" })
        {
            Assert.True(bot.TryGetProperty(property, out _), $"The bot resource does not set {property}.");
        }
    }

    // The CLI writes LF on Linux; a checkout with CRLF must not count as a difference.
    private static string Normalize(string json) => json.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    // "param NAME =" set in the file, or "// param NAME =" for a default that depends on where the template deploys.
    [GeneratedRegex(@"^\s*(//\s*)?param\s+(?<name>\w+)\s*=", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex ParameterLine();
}
