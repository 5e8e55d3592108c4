using AuthorBot.BotFramework.Dialogs;
using AuthorBot.BotFramework.Dialogs.Prompts;
using AuthorBot.BotFramework.Schema;

namespace AuthorBot.BotFramework.Tests.Dialogs;

public sealed class AttachmentPromptTests
{
    [Fact]
    public async Task Text_is_retried_and_an_upload_ends_the_prompt_with_its_attachments()
    {
        var root = new ComponentDialog("root");
        root.AddDialog(new WaterfallDialog("ask", [
            (step, ct) => step.PromptAsync("upload", new PromptOptions { Prompt = WaterfallDialogTests.Message("Send your cover image.") }, ct),
            async (step, ct) =>
            {
                var files = (IList<Attachment>)step.Result!;
                await step.Context.SendActivityAsync($"got {files.Count}: {files[0].Name}", cancellationToken: ct);
                return await step.EndDialogAsync(null, ct);
            },
        ]));
        root.AddDialog(new AttachmentPrompt("upload"));
        var harness = new DialogHarness(root);
        var teamsEcho = Activity.CreateMessageActivity();
        teamsEcho.Text = "here";
        teamsEcho.Attachments = [new Attachment("text/html") { Content = System.Text.Json.JsonSerializer.SerializeToElement("<p>here</p>") }];
        var upload = Activity.CreateMessageActivity();
        upload.Attachments = [new Attachment("image/png", "https://example.com/cover.png", name: "cover.png")];

        await harness.Flow()
            .Send("start").AssertReply("Send your cover image.")
            .Send(teamsEcho).AssertReply("Sorry, I need a file or an image; use the attachment button to send one. Send your cover image.")
            .Send(upload).AssertReply("got 1: cover.png")
            .StartTestAsync();
    }
}
