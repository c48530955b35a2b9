-- A web session remembers the access version its user logged in with; disabling the account, changing its role or
-- its password raises the version, so every older session ends at its next request. An administrator can ask a
-- user to choose a new password: until they have, they can open nothing but the password page.
ALTER TABLE user_account
    ADD COLUMN access_version       INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT FALSE;
