metadata description = 'AuthorBot on Azure: a Linux web app (.NET 10), its identity, the Azure Bot resource with the Teams, Direct Line and Web Chat channels, Log Analytics and Application Insights.'

@description('Prefix of every resource name, and the name of the web app (NAME.azurewebsites.net) and of the bot (unique across Azure). 2-40 letters, digits or hyphens.')
@minLength(2)
@maxLength(40)
param baseName string = 'authorbot-${uniqueString(resourceGroup().id)}'

@description('Azure region of the web app, its plan, the identity and the monitoring resources.')
param location string = resourceGroup().location

@description('How the bot proves who it is to Azure Bot Service (MicrosoftAppType). UserAssignedMSI: a managed identity this template creates, no secret to keep. SingleTenant or MultiTenant: an existing Microsoft Entra app registration, given by appId and appPassword (Azure has not created new multi-tenant bots since 31 July 2025).')
@allowed([
  'UserAssignedMSI'
  'SingleTenant'
  'MultiTenant'
])
param appType string = 'UserAssignedMSI'

@description('Application (client) id of the app registration; required for SingleTenant and MultiTenant, ignored for UserAssignedMSI.')
param appId string = ''

@description('Client secret of the app registration; required for SingleTenant and MultiTenant, ignored for UserAssignedMSI.')
@secure()
param appPassword string = ''

@description('Tenant of the app registration (SingleTenant) or of the managed identity (UserAssignedMSI); defaults to the deployment\'s tenant.')
param tenantId string = tenant().tenantId

@description('App Service plan SKU. Basic (B1) or higher: Always On and health checks are not available on Free or Shared.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'S3'
  'P0v3'
  'P1v3'
  'P2v3'
  'P3v3'
])
param appServiceSku string = 'B1'

@description('Display name of the bot in Teams and Web Chat.')
@minLength(1)
@maxLength(42)
param botDisplayName string = 'AuthorBot'

@description('Where the Azure Bot resource keeps its data: global, or the EU or India data boundary.')
@allowed([
  'global'
  'westeurope'
  'centralindia'
])
param botLocation string = 'global'

@description('Azure Bot pricing tier. F0 is free, and Teams, Direct Line and Web Chat are standard channels with unlimited messages on it; S1 adds premium channels.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Days Log Analytics keeps logs and telemetry (30 is included in the ingestion price).')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

@description('Bearer key of the bot\'s announcements API (Announcements:ApiKey); empty leaves the API switched off (it answers 503).')
@secure()
param announcementsApiKey string = ''

@description('Sender of newsletter confirmation emails (Email:From), e.g. \'Jo Author <news@example.org>\'; empty leaves double opt-in off (a yes in the chat subscribes at once).')
param emailFrom string = ''

@description('SMTP server of the confirmation emails (Email:Smtp:Host); needed when emailFrom is set.')
param smtpHost string = ''

@description('SMTP port (Email:Smtp:Port): 587 for StartTls, 465 for SslOnConnect.')
@minValue(1)
@maxValue(65535)
param smtpPort int = 587

@description('How the SMTP connection is secured (Email:Smtp:Security).')
@allowed([
  'StartTls'
  'SslOnConnect'
  'None'
])
param smtpSecurity string = 'StartTls'

@description('SMTP login (Email:Smtp:User); empty for a server without login.')
param smtpUser string = ''

@description('Key Vault secret URI of the SMTP password (https://VAULT.vault.azure.net/secrets/NAME); the app setting becomes a Key Vault reference resolved with the web app\'s identity, which needs the Key Vault Secrets User role on the vault.')
param smtpPasswordSecretUri string = ''

@description('Tags put on every resource.')
param tags object = {}

var isManagedIdentity = appType == 'UserAssignedMSI'

// A missing app id or secret stops the deployment with this message before anything is made (ARM evaluates variables up front
// and only the branch of if() that is taken).
var registrationAppId = isManagedIdentity || (!empty(appId) && !empty(appPassword))
  ? appId
  : fail('appType ${appType} needs appId and appPassword: the application (client) id of an existing app registration and one of its client secrets.')

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = if (isManagedIdentity) {
  name: '${baseName}-identity'
  location: location
  tags: tags
}

var microsoftAppId = isManagedIdentity ? identity!.properties.clientId : registrationAppId
var effectiveTenantId = isManagedIdentity ? identity!.properties.tenantId : tenantId

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    baseName: baseName
    location: location
    retentionInDays: logRetentionInDays
    tags: tags
  }
}

module webApp 'modules/webApp.bicep' = {
  name: 'webApp'
  params: {
    baseName: baseName
    location: location
    tags: tags
    skuName: appServiceSku
    appType: appType
    appId: microsoftAppId
    appPassword: isManagedIdentity ? '' : appPassword
    tenantId: effectiveTenantId
    identityResourceId: isManagedIdentity ? identity.id : ''
    appInsightsConnectionString: monitoring.outputs.connectionString
    workspaceId: monitoring.outputs.workspaceId
    announcementsApiKey: announcementsApiKey
    emailFrom: emailFrom
    smtpHost: smtpHost
    smtpPort: smtpPort
    smtpSecurity: smtpSecurity
    smtpUser: smtpUser
    smtpPasswordSecretUri: smtpPasswordSecretUri
  }
}

var botEndpoint = 'https://${webApp.outputs.defaultHostName}/api/messages'

module bot 'modules/botService.bicep' = {
  name: 'bot'
  params: {
    name: baseName
    displayName: botDisplayName
    location: botLocation
    tags: tags
    sku: botSku
    endpoint: botEndpoint
    appType: appType
    appId: microsoftAppId
    tenantId: effectiveTenantId
    identityResourceId: isManagedIdentity ? identity.id : ''
  }
}

@description('The messaging endpoint registered with Azure Bot Service.')
output botEndpoint string = botEndpoint

@description('Default host name of the web app.')
output siteHostName string = webApp.outputs.defaultHostName

@description('Name of the web app, for az webapp deploy.')
output webAppName string = webApp.outputs.name

@description('The bot\'s Microsoft App ID: the id in the Teams app package (teams-package --app-id) and in Emulator.')
output microsoftAppId string = microsoftAppId

@description('Client id of the user-assigned managed identity; empty for SingleTenant and MultiTenant.')
output managedIdentityClientId string = isManagedIdentity ? identity!.properties.clientId : ''

@description('Resource id of the Azure Bot resource.')
output botResourceId string = bot.outputs.id
