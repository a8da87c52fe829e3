"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { Bell, ChevronDown, LogOut, UserRound } from "lucide-react";
import Link from "next/link";
import { signOut } from "next-auth/react";

const itemClasses =
  "flex cursor-pointer items-center gap-2 rounded-md px-3 py-2 text-sm text-slate-800 outline-none select-none data-[highlighted]:bg-brand-50 data-[highlighted]:text-brand-800";

function initials(name: string) {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "") + (parts.length > 1 ? (parts.at(-1)?.[0] ?? "") : "")).toUpperCase() || "?";
}

/**
 * The signed-in person's menu: who they are (name and role), their account,
 * notification settings and sign-out. Radix DropdownMenu: opens with Enter,
 * Space or the arrow keys, moves with the arrows, closes with Escape and
 * returns focus to the button.
 */
export function UserMenu({ name, role }: { name: string; role: string }) {
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger
        data-testid="signed-in-as"
        className="inline-flex max-w-[14rem] items-center gap-2 rounded-full py-1 pr-2 pl-1 text-sm text-slate-800 hover:bg-slate-100 data-[state=open]:bg-slate-100"
      >
        {/* the initials come from CSS, so the button's text (and name) stays "Name (role)" */}
        <span
          aria-hidden="true"
          data-initials={initials(name)}
          className="flex h-8 w-8 shrink-0 items-center justify-center rounded-full bg-brand-100 text-xs font-bold text-brand-800 before:content-[attr(data-initials)]"
        />
        {/* the name and role are the button's name on every screen; a phone shows the initials only */}
        <span className="sr-only min-w-0 truncate text-left sm:not-sr-only">
          {name} <span className="text-slate-600">({role})</span>
        </span>
        <ChevronDown aria-hidden="true" className="h-4 w-4 shrink-0 text-slate-500" />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={6}
          collisionPadding={8}
          className="z-50 w-64 max-w-[calc(100vw-1rem)] rounded-lg border border-slate-200 bg-white p-1 shadow-lg"
        >
          <DropdownMenu.Label className="px-3 py-2">
            <span className="block truncate text-sm font-semibold text-slate-900">{name}</span>
            <span className="block text-xs text-slate-600">Signed in as {role}</span>
          </DropdownMenu.Label>
          <DropdownMenu.Separator className="my-1 h-px bg-slate-200" />
          <DropdownMenu.Item asChild className={itemClasses}>
            <Link href="/account">
              <UserRound aria-hidden="true" className="h-4 w-4" />
              Account
            </Link>
          </DropdownMenu.Item>
          <DropdownMenu.Item asChild className={itemClasses}>
            <Link href="/notifications/preferences">
              <Bell aria-hidden="true" className="h-4 w-4" />
              Notification settings
            </Link>
          </DropdownMenu.Item>
          <DropdownMenu.Separator className="my-1 h-px bg-slate-200" />
          <DropdownMenu.Item className={itemClasses} onSelect={() => signOut({ callbackUrl: "/signin" })}>
            <LogOut aria-hidden="true" className="h-4 w-4" />
            Sign out
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
