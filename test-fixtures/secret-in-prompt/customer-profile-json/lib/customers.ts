// Loads the signed-in customer's profile for the support assistant
import { prisma } from './prisma';

export async function getCustomerProfile(userId: string) {
  const c = await prisma.customer.findUniqueOrThrow({ where: { userId } });
  return {
    name: c.fullName,
    email: c.email,
    phoneNumber: c.phoneNumber,
    address: c.address,
    plan: c.plan,
  };
}
