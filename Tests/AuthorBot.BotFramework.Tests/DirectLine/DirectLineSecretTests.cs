using AuthorBot.BotFramework.DirectLine;

namespace AuthorBot.BotFramework.Tests.DirectLine;

public sealed class DirectLineSecretTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dl-secret-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Generated_secret_is_kept_in_the_data_folder_and_reused()
    {
        var first = DirectLineSecret.Resolve(null, _folder);
        var second = DirectLineSecret.Resolve("", _folder);

        Assert.True(first.Value.Length >= 32);
        Assert.Equal(first.Value, second.Value);
        Assert.Equal(first.Value, File.ReadAllText(Path.Combine(_folder, DirectLineSecret.FileName)).Trim());
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_folder, DirectLineSecret.FileName)));
        }
    }

    [Fact]
    public void Configured_secret_wins_and_writes_nothing()
    {
        var secret = DirectLineSecret.Resolve("configured-secret-value", _folder);

        Assert.Equal("configured-secret-value", secret.Value);
        Assert.True(secret.Matches("configured-secret-value"));
        Assert.False(secret.Matches("configured-secret-valuf"));
        Assert.False(File.Exists(Path.Combine(_folder, DirectLineSecret.FileName)));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
