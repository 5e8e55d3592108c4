using Microsoft.AspNetCore.Http;

namespace AuthorBot.BotFramework.DirectLine;

/// <summary>Error results in the Direct Line <c>ErrorResponse</c> shape, with the status codes the swagger names.</summary>
internal static class DirectLineErrors
{
    public static IResult Error(int status, string code, string message) =>
        Results.Json(new DirectLineErrorResponse { Error = new DirectLineErrorBody { Code = code, Message = message } }, DirectLineJsonContext.Default.DirectLineErrorResponse, statusCode: status);

    public static IResult MissingAuthorization() =>
        Error(StatusCodes.Status401Unauthorized, "MissingAuthorization", "Send 'Authorization: Bearer <token or secret>'.");

    public static IResult InvalidToken() =>
        Error(StatusCodes.Status403Forbidden, "BadArgument", "The token or secret is not valid.");

    public static IResult ExpiredToken() =>
        Error(StatusCodes.Status403Forbidden, "TokenExpired", "The token has expired; get a new one.");

    public static IResult ForeignConversation() =>
        Error(StatusCodes.Status403Forbidden, "Forbidden", "This token is not valid for that conversation.");

    public static IResult SecretRequired() =>
        Error(StatusCodes.Status403Forbidden, "Forbidden", "This call needs the Direct Line secret.");

    public static IResult TokenRequired() =>
        Error(StatusCodes.Status403Forbidden, "Forbidden", "This call needs a token, not the secret.");

    public static IResult ConversationNotFound() =>
        Error(StatusCodes.Status404NotFound, "BadArgument", "Conversation not found.");

    public static IResult BadArgument(string message) =>
        Error(StatusCodes.Status400BadRequest, "BadArgument", message);

    public static IResult TooLarge(long limit) =>
        Error(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", $"The request is larger than {limit} bytes.");

    public static IResult BotError() =>
        Error(StatusCodes.Status502BadGateway, "BotError", "The bot failed to handle the activity.");

    public static IResult TooManyRequests() =>
        Error(StatusCodes.Status429TooManyRequests, "TooManyRequests", "Too many requests; wait for Retry-After milliseconds.");
}
