import { type Interaction, PermissionFlagsBits } from 'discord.js';
import type { Requester } from '../../commands/command.js';

/**
 * Who is asking, and whether they may manage the dataset: Manage Server, or one of the moderator roles.
 * Checked at run time because server admins can override a command's default permissions.
 */
export function requesterOf(interaction: Interaction, moderatorRoleIds: readonly string[]): Requester {
  const member = interaction.member;
  const roleIds = member ? (Array.isArray(member.roles) ? member.roles : [...member.roles.cache.keys()]) : [];
  const hasManageGuild = interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false;
  return {
    id: interaction.user.id,
    name: interaction.user.tag,
    canManageDataset: hasManageGuild || roleIds.some((role) => moderatorRoleIds.includes(role)),
  };
}
