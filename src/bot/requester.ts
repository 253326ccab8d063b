import { type BaseInteraction, PermissionFlagsBits } from 'discord.js';
import type { DatasetAccess, Requester } from '../../commands/command.js';

/**
 * Who is asking, and whether they may manage the dataset: Manage Server or a moderator role, in one of the operators'
 * servers. Checked at run time whatever is registered where, because server admins can override a command's default
 * permissions and a command registered in the past may still be there.
 */
export function requesterOf(
  interaction: BaseInteraction,
  moderatorRoleIds: readonly string[],
  operatorGuildIds: readonly string[],
): Requester {
  return {
    id: interaction.user.id,
    name: interaction.user.tag,
    guildId: interaction.guildId,
    datasetAccess: datasetAccessOf(interaction, moderatorRoleIds, operatorGuildIds),
  };
}

function datasetAccessOf(
  interaction: BaseInteraction,
  moderatorRoleIds: readonly string[],
  operatorGuildIds: readonly string[],
): DatasetAccess {
  if (operatorGuildIds.length === 0) return 'no_admin_servers';
  if (!interaction.guildId || !operatorGuildIds.includes(interaction.guildId)) return 'not_admin_server';
  const member = interaction.member;
  const roleIds = member ? (Array.isArray(member.roles) ? member.roles : [...member.roles.cache.keys()]) : [];
  const hasManageGuild = interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false;
  return hasManageGuild || roleIds.some((role) => moderatorRoleIds.includes(role)) ? 'operator' : 'not_moderator';
}
