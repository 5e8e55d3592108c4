metadata description = 'The Azure Bot resource with the Microsoft Teams, Direct Line and Web Chat channels.'

@description('Bot handle, unique across Azure.')
param name string

@description('Display name shown in channels.')
param displayName string

@description('Where the Azure Bot resource lives: global, or a regional data boundary.')
param location string

@description('Tags put on every resource.')
param tags object

@description('Pricing tier: F0 (free; standard channels such as Teams, Direct Line and Web Chat are unlimited) or S1.')
param sku string

@description('The messaging endpoint Azure Bot Service posts activities to.')
param endpoint string

@description('MicrosoftAppType of the bot; must match the web app\'s setting.')
param appType string

@description('The bot\'s Microsoft App ID.')
param appId string

@description('Tenant of the app registration or managed identity; ignored for MultiTenant.')
param tenantId string

@description('Resource id of the user-assigned managed identity; only for UserAssignedMSI.')
param identityResourceId string

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: location
  tags: tags
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: endpoint
    msaAppType: appType
    msaAppId: appId
    msaAppTenantId: appType == 'MultiTenant' ? '' : tenantId
    msaAppMSIResourceId: appType == 'UserAssignedMSI' ? identityResourceId : ''
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: location
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

resource directLine 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'DirectLineChannel'
  location: location
  properties: {
    channelName: 'DirectLineChannel'
    properties: {
      sites: [
        {
          siteName: 'Default Site'
          isEnabled: true
          isV1Enabled: false
          isV3Enabled: true
        }
      ]
    }
  }
}

resource webChat 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'WebChatChannel'
  location: location
  properties: {
    channelName: 'WebChatChannel'
    properties: {
      sites: [
        {
          siteName: 'Default Site'
          isEnabled: true
          isWebchatPreviewEnabled: true
        }
      ]
    }
  }
}

@description('Resource id of the bot.')
output id string = bot.id
